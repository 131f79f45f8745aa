"""Cost of the Chinese clean-up (`clean_body`) as a text grows: it should stay linear.

    ./run bench bench/bench_clean.py [--repeat 3]

The input is a made-up article: the usual noise around it (breadcrumb, byline, share line,
editor, related links) and its paragraphs repeated 100 to 1,600 times. A regular expression that
backtracks shows as seconds per MB growing with the size. Prints a table; asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.text.clean import clean_body

HEADER = "示例网 > 教育 > 内容页\n示例市召开防汛工作会议\n2024-06-01 08:15:30 来源：示例市教育局\n"
PARAGRAPHS = ("5月31日，示例市召开防汛工作会议，安排部署汛期学校安全工作。\n"
              "会议要求各学校加强校舍巡查，遇暴雨天气及时停课，确保师生安全。\n"
              "各区县教育局要落实值班制度，发现险情立即上报。\n")
FOOTER = "分享到：微信 微博\n责任编辑：张三\n相关文章\n示例县开展防溺水宣传"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts")
    args = parser.parse_args()
    print("| copies | MB | seconds | s/MB |")
    print("|---:|---:|---:|---:|")
    for copies in (100, 400, 1600):
        text = HEADER + PARAGRAPHS * copies + FOOTER
        megabytes = len(text.encode()) / 1e6
        best = min(_timed(text) for _ in range(args.repeat))
        print(f"| {copies} | {megabytes:.2f} | {best:.3f} | {best / megabytes:.2f} |")


def _timed(text: str) -> float:
    start = time.perf_counter()
    clean_body(text)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
