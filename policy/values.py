"""What counts as a usable value in a form field, for every rule that needs "a reason", "a note", "an
amount" (POLICY §8: bad input is refused, clearly). Plain functions, no Odoo import.
"""
import datetime
import math

# Characters that print as nothing: a reason made only of these (or of spaces, including the
# ideographic space U+3000) is no reason.
INVISIBLE = '\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e'


def is_blank(text):
    """True when ``text`` is empty or holds only whitespace and invisible characters."""
    if not text:
        return True
    if not isinstance(text, str):
        return False
    return not text.translate({ord(c): None for c in INVISIBLE}).strip()


def clean(text):
    """``text`` without surrounding whitespace and invisible characters (for storing a reason)."""
    if not isinstance(text, str):
        return text
    return text.strip().strip(INVISIBLE).strip()


def text_problem(value):
    """Why ``value`` cannot be stored in a text field: 'type', 'nul', 'blank', or None when it can.
    False and None mean "empty" in Odoo and are fine."""
    if value is False or value is None:
        return None
    if not isinstance(value, str):
        return 'type'
    if '\x00' in value:
        return 'nul'
    if value and is_blank(value):
        return 'blank'
    return None


def number_problem(value, integer=False):
    """Why ``value`` is not a usable number: 'type', 'nan' (NaN or infinite), or None."""
    if value is False or value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 'type'
    if integer and not isinstance(value, int):
        return 'type'
    if isinstance(value, float) and not math.isfinite(value):
        return 'nan'
    if integer and not -2 ** 31 <= value < 2 ** 31:
        return 'nan'
    return None


def date_problem(value, with_time=False):
    """Why ``value`` is not a date (or datetime) as Odoo 11 stores it ('YYYY-MM-DD[ HH:MM:SS]'): 'type',
    'date' for an impossible one (2026-02-30, year 0), or None."""
    if value is False or value is None:
        return None
    if isinstance(value, datetime.date):
        return None
    if not isinstance(value, str):
        return 'type'
    formats = ('%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M:%S.%f', '%Y-%m-%d') if with_time else ('%Y-%m-%d',)
    text = value[:26] if with_time else value[:10]
    for fmt in formats:
        try:
            parsed = datetime.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return None if 1900 <= parsed.year <= 9999 else 'date'
    return 'date'
