"""A value the addon's own code sets for the span of a block, per thread (per request): the way to carry
a grant (a system write, a general manager's override, an "as of" day) that no web API caller can set,
where a context key could be set by any caller (POLICY §8). Nested blocks stack."""
import threading
from contextlib import contextmanager


class Scope(object):

    def __init__(self):
        self._local = threading.local()

    @contextmanager
    def __call__(self, value):
        stack = getattr(self._local, 'stack', None)
        if stack is None:
            stack = self._local.stack = []
        stack.append(value)
        try:
            yield value
        finally:
            stack.pop()

    def values(self):
        """The values of the blocks running now, outermost first."""
        return list(getattr(self._local, 'stack', ()))

    def current(self, default=None):
        """The value of the innermost block running now, or ``default``."""
        stack = getattr(self._local, 'stack', None)
        return stack[-1] if stack else default


class OverrideScope(Scope):
    """An override of a rule in force (the general manager's of a blacklist, a manager's of a credit limit):
    its reason, and the records it has been registered for already, so that each is registered once."""

    def open(self, reason):
        return self({'reason': reason, 'registered': set()})
