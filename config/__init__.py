"""User-editable configuration (YAML beside this file) and the typed loaders that validate it."""
