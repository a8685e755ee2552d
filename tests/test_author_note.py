"""A short note about the author under the story is removed, in several languages."""

from __future__ import annotations

import pytest

from boilerstrip import extract

STORIES = {
    "pl": (
        [
            "Rada miasta zdecydowała we wtorek wieczorem o budowie nowych ścieżek rowerowych wzdłuż "
            "ulicy portowej, kończąc spór, który trwał od wiosny.",
            "Inżynierowie wyjaśnili radnym, że prace potrwają około ośmiu miesięcy, a ulica przez cały "
            "czas pozostanie otwarta dla autobusów miejskich.",
            "Właściciele sklepów w porcie obawiają się utraty klientów w czasie budowy, natomiast "
            "stowarzyszenia rowerzystów przyjęły plan z ulgą.",
            "Prezydent miasta zapowiedział, że w przyszłym miesiącu w ratuszu odbędzie się otwarte "
            "spotkanie z mieszkańcami na temat szczegółów projektu.",
        ],
        "Jan Nowak jest dziennikarzem i publicystą, wcześniej był korespondentem w Moskwie.",
    ),
    "ru": (
        [
            "Городской совет во вторник вечером одобрил строительство новых велосипедных дорожек вдоль "
            "портовой улицы, завершив спор, который длился с весны.",
            "Инженеры объяснили депутатам, что работы продлятся около восьми месяцев, а улица всё это "
            "время останется открытой для автобусов.",
            "Владельцы магазинов в порту опасаются потерять покупателей во время стройки, а объединения "
            "велосипедистов встретили план с облегчением.",
            "Мэр объявил, что в следующем месяце в здании администрации пройдёт открытая встреча с "
            "жителями, посвящённая подробностям проекта.",
        ],
        "Иван Петров много лет работал корреспондентом в Берлине, сейчас он работает редактором отдела.",
    ),
    "nl": (
        [
            "De gemeenteraad heeft dinsdagavond besloten om langs de havenweg beschermde fietspaden aan "
            "te leggen, waarmee een discussie die sinds het voorjaar liep werd afgesloten.",
            "De ingenieurs vertelden de raadsleden dat het werk ongeveer acht maanden gaat duren en dat "
            "de weg al die tijd open blijft voor bussen.",
            "Winkeliers in de haven vrezen klanten te verliezen tijdens de werkzaamheden, terwijl "
            "fietsersbonden het plan verwelkomden als lang verwacht.",
            "De burgemeester kondigde aan dat volgende maand in het stadhuis een openbare bijeenkomst "
            "over het definitieve ontwerp wordt gehouden.",
        ],
        "Marieke de Vries is verslaggever bij de regioredactie en was eerder redacteur economie.",
    ),
}


@pytest.mark.parametrize("lang", sorted(STORIES))
def test_a_note_about_the_author_under_the_story_is_removed(lang: str) -> None:
    story, note = STORIES[lang]
    article = extract("\n\n".join([*story, note]) + "\n")
    assert list(article.paragraphs) == story
