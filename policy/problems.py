"""The one value every policy check returns: a ``Problem(rule, values)`` names the broken rule (the glue
maps it to a translated message) and carries the values the message shows."""
from collections import namedtuple

Problem = namedtuple('Problem', 'rule values')
