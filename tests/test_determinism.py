"""No hidden state: the same input gives the same result in any order and in any thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from boilerstrip import extract

from conftest import FIXTURES


def _inputs() -> list[str]:
    return [
        (FIXTURES / "cna-belarus.txt").read_text(encoding="utf-8"),
        (FIXTURES / "input" / "only-boilerplate.txt").read_text(encoding="utf-8"),
        (FIXTURES / "input" / "article.html").read_text(encoding="utf-8"),
    ]


def test_order_and_threads_do_not_matter() -> None:
    texts = _inputs()
    forward = [extract(t).to_dict() for t in texts]
    backward = [extract(t).to_dict() for t in reversed(texts)][::-1]
    assert forward == backward
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = list(pool.map(lambda t: extract(t).to_dict(), texts * 4))
    assert threaded == forward * 4


def test_assemble_leaves_the_page_as_it_was() -> None:
    """`assemble` marks the headline, byline and date on a copy: the page it reads is unchanged,
    and assembling it again gives the same article."""
    from boilerstrip.extract import analyse, assemble

    for text in _inputs():
        page = analyse(text)
        before = list(page.labels)
        first = assemble(page).to_dict()
        assert page.labels == before
        assert assemble(page).to_dict() == first == extract(text).to_dict()
