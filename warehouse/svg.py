"""Small SVG chart builders for the HTML report: inline, dependency-free, readable offline.

Every data mark (bar, point) has class `mark` and a `<title>` tooltip, so a test can count
what was drawn and a reader can hover for the exact figure.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = [
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
]
UP, DOWN, GRID, INK, MUTED = "#009E73", "#D55E00", "#e3e3e3", "#222", "#666"
SMALL = "#b0b0b0"  # points resting on too few postings to read on their own
WIDTH = 640


def _t(value: object) -> str:
    return escape(str(value), quote=True)


def nice_ticks(lo: float, hi: float, count: int = 5) -> list[float]:
    """Round tick values covering [lo, hi]."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(lo / step) * step
    ticks = []
    value = start
    while value < hi + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _svg(height: int, body: list[str], label: str) -> str:
    return (
        f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-label="{_t(label)}" xmlns="http://www.w3.org/2000/svg">' + "".join(body) + "</svg>"
    )


def empty(message: str, height: int = 120) -> str:
    body = [
        f'<rect x="1" y="1" width="{WIDTH - 2}" height="{height - 2}" fill="#fafafa" '
        f'stroke="{GRID}" stroke-dasharray="4 4"/>',
        f'<text class="empty" x="{WIDTH / 2}" y="{height / 2 + 5}" text-anchor="middle" '
        f'font-size="15" fill="{MUTED}">{_t(message)}</text>',
    ]
    return _svg(height, body, message)


def _y_axis(ticks, y, left, right, fmt, label, top, bottom) -> list[str]:
    out = []
    for tick in ticks:
        yy = y(tick)
        out.append(f'<line x1="{left}" x2="{right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="{GRID}"/>')
        out.append(
            f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11" '
            f'fill="{MUTED}">{_t(fmt(tick))}</text>'
        )
    mid = (top + bottom) / 2
    out.append(
        f'<text class="axis-label" transform="translate(14 {mid:.1f}) rotate(-90)" '
        f'text-anchor="middle" font-size="12" fill="{INK}">{_t(label)}</text>'
    )
    return out


def _x_axis(
    ticks: Sequence[float],
    x: Callable[[float], float],
    fmt: Callable[[float], str],
    top: float,
    bottom: float,
) -> list[str]:
    """Vertical grid lines of a horizontal-bar chart, each with its value below."""
    return [
        f'<line x1="{x(tick):.1f}" x2="{x(tick):.1f}" y1="{top}" y2="{bottom}" '
        f'stroke="{GRID}"/><text x="{x(tick):.1f}" y="{bottom + 14}" text-anchor="middle" '
        f'font-size="11" fill="{MUTED}">{_t(fmt(tick))}</text>'
        for tick in ticks
    ]


def _x_label(text: str, height: int, left: float, right: float) -> str:
    return (
        f'<text class="axis-label" x="{(left + right) / 2:.1f}" y="{height - 6}" '
        f'text-anchor="middle" font-size="12" fill="{INK}">{_t(text)}</text>'
    )


def _legend(names: Sequence[str], colors: Sequence[str], x: float, y: float) -> list[str]:
    out = []
    for i, (name, color) in enumerate(zip(names, colors, strict=True)):
        yy = y + i * 18
        out.append(f'<rect x="{x}" y="{yy}" width="12" height="12" fill="{color}"/>')
        out.append(
            f'<text x="{x + 18}" y="{yy + 10}" font-size="12" fill="{INK}">{_t(name)}</text>'
        )
    return out


def line_chart(
    x_labels: Sequence[str],
    series: dict[str, list[tuple[int, float, int, bool]]],
    x_label: str,
    y_label: str,
    fmt: Callable[[float], str],
    unit: str = "postings",
    intervals: dict[str, list[tuple[int, float, float]]] | None = None,
) -> str:
    """Lines over `x_labels`; series name -> [(x index, value, n behind it, few)]. Points
    with `few` set are drawn hollow and grey. `intervals`: series name -> [(x index, low,
    high)], drawn as whiskers (class `interval`) through the points."""
    height, left, right, top, bottom = 320, 72, WIDTH - 170, 14, 270
    intervals = intervals or {}
    values = [v for points in series.values() for _, v, _, _ in points]
    values += [b for spans in intervals.values() for _, low, high in spans for b in (low, high)]
    ticks = nice_ticks(min(values) * 0.95, max(values) * 1.02)
    lo, hi = ticks[0], ticks[-1]

    def x(i: int) -> float:
        if len(x_labels) == 1:
            return (left + right) / 2
        return left + 20 + i * (right - left - 40) / (len(x_labels) - 1)

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    body = _y_axis(ticks, y, left, right, fmt, y_label, top, bottom)
    for i, label in enumerate(x_labels):
        body.append(
            f'<text x="{x(i):.1f}" y="{bottom + 18}" text-anchor="middle" font-size="11" '
            f'fill="{MUTED}">{_t(label)}</text>'
        )
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(series))]
    for (name, points), color in zip(series.items(), colors, strict=True):
        points = sorted(points)
        if len(points) > 1:
            path = " ".join(
                f"{'M' if k == 0 else 'L'}{x(i):.1f},{y(v):.1f}"
                for k, (i, v, _, _) in enumerate(points)
            )
            body.append(f'<path d="{path}" fill="none" stroke="{color}" stroke-width="2"/>')
        few_at = {i: few for i, _, _, few in points}
        for i, low, high in intervals.get(name, []):
            body.append(
                f'<line class="interval" x1="{x(i):.1f}" x2="{x(i):.1f}" y1="{y(low):.1f}" '
                f'y2="{y(high):.1f}" stroke="{SMALL if few_at.get(i) else color}" '
                f'stroke-width="1.5" opacity="0.6"><title>{_t(name)} · {_t(x_labels[i])}: '
                f"95% interval {_t(fmt(low))} to {_t(fmt(high))}</title></line>"
            )
        for i, v, n, few in points:
            fill, stroke = ("#fff", SMALL) if few else (color, color)
            body.append(
                f'<circle class="mark{" small" if few else ""}" cx="{x(i):.1f}" '
                f'cy="{y(v):.1f}" r="4.5" fill="{fill}" stroke="{stroke}" stroke-width="2">'
                f"<title>{_t(name)} · {_t(x_labels[i])}: {_t(fmt(v))} ({n} {unit})</title>"
                "</circle>"
            )
    body += _legend(list(series), colors, right + 16, top + 4)
    body.append(_x_label(x_label, height, left, right))
    return _svg(height, body, y_label)


def _row_label(label: str, left: float, y: float) -> str:
    return (
        f'<text x="{left - 8}" y="{y}" text-anchor="end" font-size="12" '
        f'fill="{INK}">{_t(label)}</text>'
    )


def _bar(
    x0: float,
    x1: float,
    y: float,
    height: float,
    fill: str,
    tip: str,
    value: str,
    size: int,
    before: bool = False,
) -> str:
    """A horizontal bar from x0 to x1 (class `mark`, `tip` its tooltip) with `value` printed
    past its end, or `before` its start (a negative bar)."""
    x_text, anchor = (x0 - 4, "end") if before else (x1 + 4, "start")
    return (
        f'<rect class="mark" x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 1):.1f}" '
        f'height="{height}" fill="{fill}"><title>{_t(tip)}</title></rect>'
        f'<text x="{x_text:.1f}" y="{y + height / 2 + 4:.0f}" font-size="{size}" '
        f'text-anchor="{anchor}" fill="{MUTED}">{_t(value)}</text>'
    )


def bar_chart(
    rows: Sequence[tuple[str, float, str]],
    x_label: str,
    fmt: Callable[[float], str],
    diverging: bool = False,
    color: str = PALETTE[0],
) -> str:
    """Horizontal bars: (label, value, tooltip). `diverging`: negative values go left, red."""
    bar, gap, left, right, top = 18, 8, 180, WIDTH - 70, 8
    bottom = top + len(rows) * (bar + gap)
    height = bottom + 44
    values = [v for _, v, _ in rows]
    # Room beyond the longest bars for their value labels.
    lo = min(0.0, *values) * 1.25 if diverging else 0.0
    hi = max(0.0, *values) * 1.12
    ticks = nice_ticks(lo, hi, 4)
    lo, hi = ticks[0], ticks[-1]

    def x(v: float) -> float:
        return left + (v - lo) / (hi - lo) * (right - left)

    body = _x_axis(ticks, x, fmt, top, bottom)
    for k, (label, value, tip) in enumerate(rows):
        yy = top + k * (bar + gap)
        x0, x1 = sorted((x(0), x(value)))
        fill = (UP if value >= 0 else DOWN) if diverging else color
        body.append(_row_label(label, left, yy + 13))
        body.append(_bar(x0, x1, yy, bar, fill, tip, fmt(value), 11, before=value < 0))
    body.append(f'<line x1="{x(0):.1f}" x2="{x(0):.1f}" y1="{top}" y2="{bottom}" stroke="{INK}"/>')
    body.append(_x_label(x_label, height, left, right))
    return _svg(height, body, x_label)


def grouped_bar_chart(
    rows: Sequence[tuple[str, Sequence[float]]],
    names: Sequence[str],
    x_label: str,
) -> str:
    """Horizontal bars in groups: (label, [value per name]) with a legend of `names`."""
    bar, gap, left, right, top = 11, 10, 180, WIDTH - 60, 30
    step = bar * len(names) + gap
    bottom = top + len(rows) * step
    height = bottom + 44
    hi = max([1.0] + [v for _, values in rows for v in values])
    ticks = nice_ticks(0, hi, 4)
    hi = ticks[-1]
    colors = PALETTE[: len(names)]

    def x(v: float) -> float:
        return left + v / hi * (right - left)

    body = _x_axis(ticks, x, lambda v: f"{v:g}", top, bottom)
    for k, (label, values) in enumerate(rows):
        yy = top + k * step
        body.append(_row_label(label, left, yy + bar + 4))
        for j, (value, name, color) in enumerate(zip(values, names, colors, strict=True)):
            tip = f"{label}: {value:g} {name}"
            body.append(_bar(left, x(value), yy + j * bar, bar - 1, color, tip, f"{value:g}", 10))
    for j, (name, color) in enumerate(zip(names, colors, strict=True)):
        lx = left + j * 220
        body.append(
            f'<rect x="{lx}" y="6" width="12" height="12" fill="{color}"/>'
            f'<text x="{lx + 18}" y="16" font-size="12" fill="{INK}">{_t(name)}</text>'
        )
    body.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{bottom}" stroke="{INK}"/>')
    body.append(_x_label(x_label, height, left, right))
    return _svg(height, body, x_label)


def stacked_columns(
    x_labels: Sequence[str],
    stacks: dict[str, Sequence[float]],
    x_label: str,
    y_label: str,
    fmt: Callable[[float], str],
    totals: Sequence[str] = (),
    y_max: float | None = None,
) -> str:
    """Columns over `x_labels`, each a stack of `stacks` (name -> value per column); `totals`
    are printed above the columns."""
    height, left, right, top, bottom = 320, 72, WIDTH - 150, 22, 270
    sums = [sum(values[i] for values in stacks.values()) for i in range(len(x_labels))]
    ticks = nice_ticks(0, y_max if y_max is not None else max(sums + [1]), 5)
    hi = ticks[-1]

    def y(v: float) -> float:
        return bottom - v / hi * (bottom - top)

    slot = (right - left) / max(len(x_labels), 1)
    width = min(72, slot * 0.6)
    body = _y_axis(ticks, y, left, right, fmt, y_label, top, bottom)
    colors = [PALETTE[i % len(PALETTE)] for i in range(len(stacks))]
    for i, label in enumerate(x_labels):
        cx = left + slot * (i + 0.5)
        base = 0.0
        for (name, values), color in zip(stacks.items(), colors, strict=True):
            value = values[i]
            if value > 0:
                body.append(
                    f'<rect class="mark" x="{cx - width / 2:.1f}" y="{y(base + value):.1f}" '
                    f'width="{width:.1f}" height="{y(base) - y(base + value):.1f}" '
                    f'fill="{color}"><title>{_t(label)} · {_t(name)}: {_t(fmt(value))}'
                    "</title></rect>"
                )
            base += value
        body.append(
            f'<text x="{cx:.1f}" y="{bottom + 18}" text-anchor="middle" font-size="11" '
            f'fill="{MUTED}">{_t(label)}</text>'
        )
        if i < len(totals):
            body.append(
                f'<text x="{cx:.1f}" y="{y(base) - 5:.1f}" text-anchor="middle" font-size="11" '
                f'fill="{INK}">{_t(totals[i])}</text>'
            )
    body += _legend(list(stacks), colors, right + 16, top + 4)
    body.append(_x_label(x_label, height, left, right))
    return _svg(height, body, y_label)
