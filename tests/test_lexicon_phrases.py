"""Furniture phrases and prompt words: notices of a few sentences are found, story sentences
that use the same words are left alone."""

from __future__ import annotations

import pytest
import regex

from boilerstrip.kinds import Kind
from boilerstrip.lexicon import NOTICE_MAX_WORDS, PhraseSet, default_lexicon, normalize


def _kind(line: str) -> Kind | None:
    norm = normalize(line)
    return default_lexicon().phrase_kind(norm, len(norm.split()))


FILLER = " and the photographs in this story belong to the agencies named under each of them"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("This material may not be reproduced or redistributed in any form" + FILLER + ".", Kind.LEGAL),
        ("Nachdruck nur mit schriftlicher Genehmigung des Verlags" + FILLER + ".", Kind.LEGAL),
        ("Queda prohibida la reproducción total o parcial de esta publicación" + FILLER + ".", Kind.LEGAL),
        ("Riproduzione riservata, tutti i contenuti sono protetti" + FILLER + ".", Kind.LEGAL),
        ("Перепечатка запрещена без письменного согласия редакции" + FILLER + ".", Kind.LEGAL),
        (
            "Dieser Text steht unter einer Creative Commons Namensnennung 4.0 Lizenz" + FILLER + ".",
            Kind.LEGAL,
        ),
        ("If you buy through these links we may earn a commission" + FILLER + ".", Kind.ADVERTISEMENT),
        ("Bei den Links handelt es sich um Affiliate-Links" + FILLER + ".", Kind.ADVERTISEMENT),
        ("Este artículo incluye enlaces de afiliados" + FILLER + ".", Kind.ADVERTISEMENT),
        (
            "Enter your email and get the week's best stories straight to your inbox" + FILLER + ".",
            Kind.PROMO,
        ),
        ("Die wichtigsten Nachrichten des Tages direkt in Ihr Postfach" + FILLER + ".", Kind.PROMO),
        ("Recibe cada mañana las noticias directamente en tu bandeja de entrada" + FILLER + ".", Kind.PROMO),
        ("Comments are moderated and may take a while to appear" + FILLER + ".", Kind.COMMENTS),
        (
            "Ihre E-Mail-Adresse wird nicht veröffentlicht, Pflichtfelder sind markiert" + FILLER + ".",
            Kind.COMMENTS,
        ),
        ("Les commentaires sont modérés avant leur publication" + FILLER + ".", Kind.COMMENTS),
        ("Bitte melden Sie sich an, um weiterzulesen.", Kind.PROMO),
        ("Cet article est réservé aux abonnés.", Kind.PROMO),
        ("Contenido exclusivo para suscriptores.", Kind.PROMO),
        ("Abbonati per continuare a leggere.", Kind.PROMO),
        ("Prenumerera på vårt nyhetsbrev och få nyheterna varje morgon.", Kind.PROMO),
        ("Haberleri kaçırmamak için YouTube kanalımıza abone olun.", Kind.PROMO),
        ("Підписуйтесь на наш канал, щоб не пропустити головне.", Kind.PROMO),
        ("© 2024 Všechna práva vyhrazena.", Kind.LEGAL),
        ("Toate drepturile rezervate.", Kind.LEGAL),
        ("As an Amazon Associate we earn from qualifying purchases" + FILLER + ".", Kind.ADVERTISEMENT),
        ("Als Amazon-Partner verdienen wir an qualifizierten Verkäufen" + FILLER + ".", Kind.ADVERTISEMENT),
        (
            "En tant que partenaire Amazon, nous réalisons un bénéfice sur les achats" + FILLER + ".",
            Kind.ADVERTISEMENT,
        ),
        ("Wyrażam zgodę na przetwarzanie moich danych osobowych w celu wysyłki" + FILLER + ".", Kind.LEGAL),
        ("Autorizzo il trattamento dei miei dati personali per l'invio" + FILLER + ".", Kind.LEGAL),
        ("Diese Einwilligung kann ich jederzeit widerrufen" + FILLER + ".", Kind.LEGAL),
        ("No spam. You can unsubscribe at any time" + FILLER + ".", Kind.PROMO),
        ("Du kannst dich jederzeit vom Newsletter abmelden" + FILLER + ".", Kind.PROMO),
        ("Puedes darte de baja en cualquier momento" + FILLER + ".", Kind.PROMO),
        ("If you enjoyed this article, share it with a friend.", Kind.PROMO),
        ("Wenn Ihnen dieser Artikel gefallen hat, teilen Sie ihn.", Kind.PROMO),
        ("Si te gustó este artículo, compártelo con tus amigos.", Kind.PROMO),
        ("Kommentare sind bei diesem Artikel deaktiviert.", Kind.COMMENTS),
        ("Les commentaires sont fermés.", Kind.COMMENTS),
        ("Комментарии закрыты.", Kind.COMMENTS),
        ("View this post on Instagram", Kind.PLACEHOLDER),
        ("Sieh dir diesen Beitrag auf Instagram an", Kind.PLACEHOLDER),
        ("Visualizza questo post su Instagram", Kind.PLACEHOLDER),
        ("Es gibt noch keine Kommentare.", Kind.COMMENTS),
        ("Soyez le premier à commenter cet article.", Kind.COMMENTS),
        ("Sé el primero en comentar.", Kind.COMMENTS),
        ("Follow me on Instagram for more photos.", Kind.PROMO),
        ("Folgt mir auf Instagram, da gibt es mehr Fotos.", Kind.PROMO),
        ("Sígueme en Instagram para ver más fotos.", Kind.PROMO),
        ("Sie möchten gerne weiterlesen?", Kind.PROMO),
        ("You have been successfully subscribed!", Kind.PROMO),
        ("Please confirm your subscription by clicking the link in the e-mail" + FILLER + ".", Kind.PROMO),
        ("Bitte bestätigen Sie Ihre Anmeldung über den Link in der E-Mail" + FILLER + ".", Kind.PROMO),
        ("Confirma tu suscripción con el enlace que te enviamos" + FILLER + ".", Kind.PROMO),
        ("JavaScript is required to load the comments.", Kind.COMMENTS),
        ("Danke für deinen Kommentar!", Kind.COMMENTS),
        ("Merci pour votre commentaire.", Kind.COMMENTS),
        ("Join our Telegram channel for the day's top stories.", Kind.PROMO),
        ("Síguenos en Instagram para no perderte nada.", Kind.PROMO),
        ("Abonnez-vous à notre chaîne YouTube.", Kind.PROMO),
        ("Unterstützen Sie unabhängigen Journalismus mit einem Abo.", Kind.PROMO),
        ("Scarica la nostra app per ricevere le notizie.", Kind.PROMO),
    ],
)
def test_furniture_sentences_are_found(line: str, kind: Kind) -> None:
    assert _kind(line) is kind


@pytest.mark.parametrize(
    "line",
    [
        # (a longer sentence about the organisation: only its licence notices are furniture)
        "With staff and volunteers in many countries, Creative Commons, a nonprofit, provides free licences "
        "that let artists, teachers and scientists share their work with the public on simple terms.",
        "The tutorial shows how to grow your YouTube channel with short videos.",
        "We must support our workers through this winter, the minister told parliament.",
        "Join us on Saturday at the town hall, the organisers wrote in a letter to residents.",
        "Zelensky said on his Telegram channel that the talks would resume on Monday.",
        "Über einen dieser Links gelangten die Täter an die Kontodaten der Opfer.",
        "Von der Landesregierung gab es bis zum Abend noch keine Kommentare.",
        "Den ersten Kommentar zur Wahl gab der Kanzler am Sonntagabend ab.",
        "Los estafadores roban los datos a través de estos enlaces falsos.",
    ],
)
def test_story_sentences_with_the_same_words_are_not_furniture(line: str) -> None:
    assert _kind(line) is None


def test_a_long_paragraph_is_never_a_notice() -> None:
    words = ["word"] * NOTICE_MAX_WORDS
    assert _kind("This material may not be reproduced " + " ".join(words) + ".") is None


@pytest.mark.parametrize(
    "line",
    [
        "Zapisz się do newslettera i zasubskrybuj nasze wydanie cyfrowe.",
        "Подписывайтесь на нашу рассылку, чтобы не пропустить главное.",
        "Vous pouvez vous désabonner de la newsletter à tout moment.",
        "Puedes suscribirte gratis a nuestro boletín semanal.",
        "Melde dich zur Newsletter-Anmeldung an und abonniere unsere Themen.",
    ],
)
def test_sign_up_prompts_in_other_inflections(line: str) -> None:
    assert default_lexicon().prompt_kind(normalize(line)) is Kind.PROMO


@pytest.mark.parametrize(
    "line",
    [
        "O deputado iniciou uma coleta de assinaturas para assinar o requerimento.",
        "The bank set aside a provision for bad loans, its disclosure showed.",
        "Los boletines oficiales publicaron el boletín de la convocatoria.",
    ],
)
def test_story_sentences_are_no_sign_up_prompts(line: str) -> None:
    assert default_lexicon().prompt_kind(normalize(line)) is None


@pytest.mark.parametrize(
    "line",
    [
        "Abonnieren Sie jetzt den kostenlosen Wirtschafts-Newsletter.",
        "Sie sind bereits Digital-Abonnent? Hier anmelden.",
    ],
)
def test_a_compound_counts_as_its_last_word(line: str) -> None:
    assert default_lexicon().prompt_kind(normalize(line)) is Kind.PROMO


def test_a_phrase_set_finds_phrases_inside_words_and_keeps_their_order() -> None:
    phrases = PhraseSet.of(
        (
            ("newsletter abonnieren", Kind.PROMO, 24),
            ("sign up", Kind.PROMO, 24),
            ("may not be reproduced", Kind.LEGAL, 60),
            ("not be", Kind.OTHER, 60),
            ("版权所有", Kind.LEGAL, 24),
        )
    )
    assert phrases.first_in("spektrum.de-newsletter abonnieren!", 2) is Kind.PROMO
    assert phrases.first_in("sign update", 2) is Kind.PROMO  # (what a substring test says)
    assert phrases.first_in("this text may not be reproduced.", 6) is Kind.LEGAL
    assert phrases.first_in("it will not be long", 5) is Kind.OTHER
    assert phrases.first_in("本站版权所有", 1) is Kind.LEGAL
    assert phrases.first_in("newsletter abonnieren " + "x " * 30, 32) is None  # past its length


def test_alternation_tries_the_longest_entry_first() -> None:
    from boilerstrip.lexicon import alternation

    pattern = regex.compile(rf"\A(?:{alternation(['by', 'written by', 'writ'])})", regex.I)
    assert pattern.match("Written by Jane Doe").group() == "Written by"
    assert pattern.match("By Jane").group() == "By"
    # a space in an entry matches any white space, a typographic apostrophe a straight one too
    spaced = regex.compile(alternation(["written by", "l’auteur"], spaces=True, apostrophes=True))
    assert spaced.fullmatch("written \u00a0 by") and spaced.fullmatch("l'auteur")
    assert not regex.compile(alternation(["written by"])).fullmatch("written  by")
    # special characters are escaped, one length is in a fixed order, and no entry matches nothing
    assert regex.compile(alternation(["a.b"])).fullmatch("a.b") and not regex.compile(
        alternation(["a.b"])
    ).search("axb")
    assert alternation(["ab", "aa", "ab"]) == alternation(["aa", "ab"]) == "aa|ab"
    assert regex.compile(alternation([])).search("anything") is None
