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


def _process_caches() -> dict[str, int]:
    """Every `functools.cache` of the package, by name, and how many entries it holds."""
    import importlib
    import pkgutil

    import boilerstrip

    sizes: dict[str, int] = {}
    for info in pkgutil.iter_modules(boilerstrip.__path__):
        if info.name.startswith("_"):
            continue  # __main__ runs the command line
        try:
            module = importlib.import_module(f"boilerstrip.{info.name}")
        except ImportError:
            continue  # an optional integration whose library is not installed
        for name, value in vars(module).items():
            if (
                callable(getattr(value, "cache_info", None))
                and getattr(value, "__module__", "") == module.__name__
            ):
                sizes[f"{info.name}.{name}"] = value.cache_info().currsize
    return sizes


def test_what_a_process_keeps_does_not_grow_with_the_documents() -> None:
    """The process-wide caches hold what the data files give (patterns, models, the lexicon),
    never what a document holds: after every kind of input has been read once, more documents
    add no entry to any of them."""
    warm = [
        *_inputs(),
        *(p.read_bytes().decode("utf-8", "replace") for p in sorted(FIXTURES.glob("*/*.txt"))),
    ]
    for text in warm:
        extract(text)
    before = _process_caches()
    assert before and any(before.values())  # the caches are found, and used
    for n in range(20):
        extract(
            f"Headline number {n} of a page\nBy Jane Doe{n}\n"
            + f"Story sentence {n} about the town. " * (n + 5)
        )
        extract(f"<html><body><h1>Title {n}</h1><p>{'Words of a paragraph. ' * (n + 3)}</p></body></html>")
    assert _process_caches() == before
