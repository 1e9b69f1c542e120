"""Colours and fonts derived from the palette, so every widget reads well in light and dark mode.

Tinted surfaces (message bars, notices) are mixed from the palette's window colour and a tone's
accent instead of being hard-coded, and text colours are shifted towards the palette's own
lightness: the same code gives a pale yellow bar on a light desktop and a dim amber one on a
dark desktop.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import QEvent, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget

Tone = Literal["info", "success", "warning", "error"]
#: Secondary text (hints, notes) as well as the tones.
ToneOrMuted = Tone | Literal["muted"]

#: Accents picked to stay distinguishable for the common colour-vision deficiencies when
#: paired with an icon or a word (never colour alone).
ACCENTS: dict[Tone, str] = {
    "info": "#2f6fd0",
    "success": "#2e8b57",
    "warning": "#c98a00",
    "error": "#d14343",
}

#: How far a surface leans towards the accent, on light and on dark palettes.
_SURFACE_MIX = {False: 0.13, True: 0.24}
_BORDER_MIX = {False: 0.45, True: 0.55}


def is_dark(palette: QPalette) -> bool:
    """True when the window background is dark (text is light)."""
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0..1) of the way towards ``b``, channel by channel."""
    t = min(max(amount, 0.0), 1.0)
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def accent(tone: Tone) -> QColor:
    return QColor(ACCENTS[tone])


def surface_colour(palette: QPalette, tone: Tone) -> QColor:
    """Background of a tinted box: the window colour with a touch of the accent."""
    window = palette.color(QPalette.ColorRole.Window)
    return mix(window, accent(tone), _SURFACE_MIX[is_dark(palette)])


def border_colour(palette: QPalette, tone: Tone) -> QColor:
    window = palette.color(QPalette.ColorRole.Window)
    return mix(window, accent(tone), _BORDER_MIX[is_dark(palette)])


def tone_text_colour(palette: QPalette, tone: Tone) -> QColor:
    """Text in a tone's colour, readable (WCAG AA) on the window and on the tone's own box."""
    colour = accent(tone)
    if is_dark(palette):
        colour = mix(colour, QColor("#ffffff"), 0.35)
    else:
        colour = mix(colour, QColor("#000000"), 0.22 if tone == "warning" else 0.1)
    grounds = (palette.color(QPalette.ColorRole.Window), surface_colour(palette, tone))
    return readable_on(colour, grounds)


#: WCAG 2's AA level for body text.
AA_CONTRAST = 4.5


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2's contrast ratio of two colours, 1 (none) to 21 (black on white)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _luminance(colour: QColor) -> float:
    def linear(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def readable_on(
    colour: QColor, grounds: tuple[QColor, ...], minimum: float = AA_CONTRAST
) -> QColor:
    """``colour``, taken towards black (on light grounds) or white (on dark) only as far as
    needed to reach ``minimum`` contrast on every one of ``grounds``."""
    dark_grounds = sum(_luminance(g) for g in grounds) / len(grounds) < 0.18
    target = QColor("#ffffff") if dark_grounds else QColor("#000000")
    for step in range(21):
        candidate = mix(colour, target, step / 20)
        if all(contrast_ratio(candidate, ground) >= minimum for ground in grounds):
            return candidate
    return target


def readable_palette(palette: QPalette) -> QPalette:
    """``palette`` with a selection colour its text reads on (WCAG AA): some platforms'
    light blue selection under white text does not."""
    fixed = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = palette.color(group, QPalette.ColorRole.HighlightedText)
        highlight = palette.color(group, QPalette.ColorRole.Highlight)
        fixed.setColor(group, QPalette.ColorRole.Highlight, readable_on(highlight, (text,)))
    return fixed


def muted_text_colour(palette: QPalette) -> QColor:
    """Secondary text (hints, notes): halfway between the text and the background."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return mix(text, window, 0.4)


def set_text_colour(widget: QWidget, colour: QColor) -> None:
    """Colour a label's text through its palette (stylesheets would fight palette changes)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    palette.setColor(QPalette.ColorRole.Text, colour)
    widget.setPalette(palette)


def scaled_font(widget: QWidget, factor: float = 1.0, *, bold: bool = False) -> QFont:
    """The widget's font, resized relative to the platform's default and optionally bold."""
    font = QFont(widget.font())
    size = font.pointSizeF()
    if size > 0:
        font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def paint_tinted_box(painter: QPainter, rect: QRectF, palette: QPalette, tone: Tone) -> None:
    """A rounded box in a tone's surface colour with a hairline border (notices, message bar)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(border_colour(palette, tone), 1.0))
    painter.setBrush(surface_colour(palette, tone))
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 5.0, 5.0)
    painter.restore()


class ToneLabel(QLabel):
    """A label whose text takes a tone's colour (or the muted hint colour) from the palette.

    The colour is recomputed when the palette changes, so a switch to dark mode at run time
    keeps the text readable.
    """

    def __init__(
        self,
        text: str = "",
        tone: ToneOrMuted | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text, parent)
        self._tone: ToneOrMuted | None = tone
        self._applying = False
        self._apply()

    @property
    def tone(self) -> ToneOrMuted | None:
        return self._tone

    def set_tone(self, tone: ToneOrMuted | None) -> None:
        self._tone = tone
        self._apply()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in _PALETTE_EVENTS and not self._applying:
            self._apply()

    def _apply(self) -> None:
        self._applying = True
        try:
            # Start from the inherited palette so a previous tone does not stick.
            self.setPalette(QPalette())
            palette = self.palette()
            if self._tone == "muted":
                set_text_colour(self, muted_text_colour(palette))
            elif self._tone is not None:
                set_text_colour(self, tone_text_colour(palette, self._tone))
        finally:
            self._applying = False


_PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


def dark_palette() -> QPalette:
    """A dark palette as desktops in dark mode give one: what the dark screenshots and tests
    draw with (the app itself follows the system's palette)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#25272a",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2d2f33",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#2f5d9e",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#2d2f33",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6f747a"))
    return palette
