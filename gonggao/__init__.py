"""The composition root: the `gonggao` command, the `up` supervisor and the demo. It wires the stages; it holds no logic of theirs."""

__version__ = "0.1.0"
