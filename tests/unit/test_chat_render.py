"""Chat text is escaped before anything else: HTML in a message is shown, never rendered."""

from dvz_desktop.qt.chat.render import mentions, to_html


def test_html_is_shown_as_text() -> None:
    shown = to_html('<b>fett</b> <script>alert("x")</script> <img src=x onerror=alert(1)>')
    assert "<b>fett</b>" not in shown and "<script>" not in shown and "<img" not in shown
    assert "&lt;b&gt;fett&lt;/b&gt;" in shown and "&lt;script&gt;" in shown


def test_light_markdown_and_links() -> None:
    shown = to_html("**Wichtig**: _heute_ `AZ 63-2026` siehe https://intranet.example/akte?id=5 oder dvz://room/kh-1-101")
    assert "<b>Wichtig</b>" in shown and "<i>heute</i>" in shown and "<code>AZ 63-2026</code>" in shown
    assert '<a href="https://intranet.example/akte?id=5">' in shown
    assert '<a href="dvz://room/kh-1-101">' in shown


def test_a_link_cannot_break_out_of_its_attribute() -> None:
    shown = to_html('https://x.example/"onmouseover="alert(1)')
    assert 'onmouseover="' not in shown


def test_mentions() -> None:
    assert mentions("Frage an @Anna: passt das?", "Anna Schneider", "a.schneider")
    assert mentions("@a.schneider bitte prüfen", "Anna Schneider", "a.schneider")
    assert not mentions("Annabell kommt später", "Anna Schneider", "a.schneider")
    assert not mentions("@Annabell kommt später", "Anna Schneider", "a.schneider")


def test_links_leave_the_sentence_punctuation_outside() -> None:
    from dvz_desktop.core.linkify import find_links

    def links(text: str) -> list[str]:
        return [text[start:end] for start, end in find_links(text)]

    assert links("Siehe https://intranet.example/akte.") == ["https://intranet.example/akte"]
    assert links("(siehe https://intranet.example/akte?id=5)") == ["https://intranet.example/akte?id=5"]
    assert links("https://de.wikipedia.org/wiki/Widerspruch_(Recht), oder?") == [
        "https://de.wikipedia.org/wiki/Widerspruch_(Recht)"]
    assert links("„https://x.example/a“ und https://x.example/b! Und dvz://room/kh-1-101.") == [
        "https://x.example/a", "https://x.example/b", "dvz://room/kh-1-101"]
    assert links("Wirklich https://x.example/?q=1?") == ["https://x.example/?q=1"]
    assert links("nur https:// und dvz://room/ ohne Ziel") == []


def test_a_rendered_link_points_where_the_text_says() -> None:
    shown = to_html("Bitte lesen (https://intranet.example/akte?id=5&x=1). Danke")
    link = "https://intranet.example/akte?id=5&amp;x=1"
    assert f'<a href="{link}">{link}</a>).' in shown
    # Markup around a link stays text, and the link ends where the address ends.
    shown = to_html('<a href="https://evil.example/x">hier</a>')
    assert shown == ('&lt;a href=&quot;<a href="https://evil.example/x">https://evil.example/x</a>&quot;&gt;'
                     'hier&lt;/a&gt;')
