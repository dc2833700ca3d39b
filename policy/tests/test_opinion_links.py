import datetime
import unittest

from .. import opinion_links as links


class TestOpinionLinks(unittest.TestCase):
    """The signed, single-use, expiring link of the customer's opinion."""

    secret = 'database-secret'
    today = datetime.date(2026, 3, 10)

    def _token(self, nonce='n1', days=7):
        return links.make_token(self.secret, 42, nonce, links.expiry_day(self.today, days))

    def test_valid_token(self):
        """A token signed for the ticket's outstanding nonce holds until its expiry day."""
        token = self._token()
        self.assertEqual(links.parse(token)[0], 42)
        self.assertFalse(links.token_problems(self.secret, token, 'n1', self.today))
        self.assertFalse(links.token_problems(self.secret, token, 'n1', self.today + datetime.timedelta(days=7)))

    def test_expired(self):
        """After its expiry day the link is refused."""
        rules = links.token_problems(self.secret, self._token(), 'n1', self.today + datetime.timedelta(days=8))
        self.assertEqual([p.rule for p in rules], ['expired'])

    def test_used_or_replaced(self):
        """A used link or a replaced one (other nonce, none) is refused."""
        self.assertEqual([p.rule for p in links.token_problems(self.secret, self._token(), 'n1', self.today,
                                                               used=True)], ['used'])
        self.assertEqual([p.rule for p in links.token_problems(self.secret, self._token(), False, self.today)],
                         ['forged'])
        self.assertEqual([p.rule for p in links.token_problems(self.secret, self._token(), 'n2', self.today)],
                         ['forged'])

    def test_forged(self):
        """Another secret, another ticket, a changed expiry or garbage: forged."""
        token = self._token()
        ticket, day, sig = token.split('-')
        for bad in (links.make_token('other', 42, 'n1', links.expiry_day(self.today, 7)),
                    '43-%s-%s' % (day, sig), '42-20991231-%s' % sig, 'x', '42-2026-ab', None, '1-20261340-ab'):
            self.assertEqual([p.rule for p in links.token_problems(self.secret, bad, 'n1', self.today)],
                             ['forged'], bad)
