"""Markdown tables for the benchmark report. A missing value prints as '—', never as 0."""

DASH = "—"


def fmt(value, digits=1, suffix=""):
    if value is None:
        return DASH
    return ("%." + str(digits) + "f%s") % (value, suffix)


def ratio(value, baseline, digits=2):
    """value/baseline formatted as '0.53×', or '—' when either side is missing or zero."""
    if value is None or not baseline:
        return DASH
    return ("%." + str(digits) + "f×") % (value / baseline)


class Table:
    """A titled markdown table with optional notes printed under it."""

    def __init__(self, title, headers):
        self.title = title
        self.headers = headers
        self.rows = []
        self.notes = []

    def add(self, *cells):
        if len(cells) != len(self.headers):
            raise ValueError("row has %d cells, table %r has %d columns" %
                             (len(cells), self.title, len(self.headers)))
        self.rows.append([str(c) for c in cells])

    def note(self, text):
        self.notes.append(text)

    def render(self):
        lines = ["### " + self.title, ""]
        lines.append("| " + " | ".join(self.headers) + " |")
        lines.append("|" + "|".join("---" for _ in self.headers) + "|")
        for row in self.rows:
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |")
        if self.notes:
            lines.append("")
            lines.extend("- " + n for n in self.notes)
        lines.append("")
        return "\n".join(lines)
