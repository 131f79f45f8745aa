"""Chinese text shared by every stage: character classes and script conversion (`chinese`),
the label vocabulary of Chinese pages such as 来源 / 发布机构 / 发布时间 (`labels`), clean-up of
extracted text (`clean`) and mojibake repair (`mojibake`)."""
