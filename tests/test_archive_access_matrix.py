from odoo.exceptions import AccessError, UserError

from .archive_common import CsArchiveCase

LEVELS = ('secret', 'confidential', 'top_secret')
# Who may do what on the archive of a customer they are the salesperson of, per level (POLICY §5 as
# corrected: only managers and above read archives, managers up to confidential, the GM top secret):
# C create, R read, W write; nobody deletes an archive (disposal archives it).
MATRIX = {
    'plain':       {'secret': '',    'confidential': '',    'top_secret': ''},
    'salesperson': {'secret': '',    'confidential': '',    'top_secret': ''},
    'agent':       {'secret': '',    'confidential': '',    'top_secret': ''},
    'quality':     {'secret': '',    'confidential': '',    'top_secret': ''},
    'info':        {'secret': '',    'confidential': '',    'top_secret': ''},
    'manager':     {'secret': 'CRW', 'confidential': 'CRW', 'top_secret': ''},
    'gm':          {'secret': 'CRW', 'confidential': 'CRW', 'top_secret': 'CRW'},
}


class TestArchiveAccessMatrix(CsArchiveCase):
    """Each group x each confidentiality level x create/read/write/unlink on the customer archive."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveAccessMatrix, cls).setUpClass()
        cls.archives = {}   # (user, level) -> an archive of a customer of that user
        cls.bare = {}       # (user, level) -> a customer of that user without archive yet
        for login in MATRIX:
            user = getattr(cls, login)
            for level in LEVELS:
                cls.archives[login, level] = cls._archive('%s %s 档案' % (login, level), level, user)
                cls.bare[login, level] = cls._customer('%s %s 新客户' % (login, level), level, user)
        cls.all_ids = [a.id for a in cls.archives.values()]

    def _allowed(self, login, level, op):
        return op in MATRIX[login][level]

    def test_rules_hide_what_they_must(self):
        """A search returns exactly the archives of the levels one reads, every customer's; those who read
        no archive (agents, salespeople, the information and quality supervisors) are refused."""
        for login in MATRIX:
            with self.subTest(user=login):
                user = getattr(self, login)
                if not any(MATRIX[login].values()):
                    with self.assertRaises(AccessError):
                        self.Archive.sudo(user).search([('id', 'in', self.all_ids)])
                    continue
                expected = {a.id for (owner, level), a in self.archives.items()
                            if 'R' in MATRIX[login][level]}
                found = set(self.Archive.sudo(user).search([('id', 'in', self.all_ids)]).ids)
                self.assertEqual(found, expected)

    def test_create(self):
        """Creating the archive of one's own customer follows the matrix."""
        for login in MATRIX:
            for level in LEVELS:
                with self.subTest(user=login, level=level):
                    partner = self.bare[login, level]
                    Archive = self.Archive.sudo(getattr(self, login))
                    if self._allowed(login, level, 'C'):
                        with self.env.cr.savepoint():
                            self.assertTrue(Archive.create({'partner_id': partner.id}))
                    else:
                        with self.assertRaises(AccessError), self.env.cr.savepoint():
                            Archive.create({'partner_id': partner.id})
                        self.assertFalse(self.Archive.search([('partner_id', '=', partner.id)]))

    def test_read(self):
        """Reading an archive's content follows the matrix."""
        for login in MATRIX:
            for level in LEVELS:
                with self.subTest(user=login, level=level):
                    archive = self.archives[login, level].sudo(getattr(self, login))
                    if self._allowed(login, level, 'R'):
                        self.assertEqual(archive.read(['organisation'])[0]['organisation'], '董事会 - 总经理')
                    else:
                        with self.assertRaises(AccessError):
                            archive.read(['organisation'])

    def test_write(self):
        """Updating an archive's content follows the matrix; a refused write changes nothing."""
        for login in MATRIX:
            for level in LEVELS:
                with self.subTest(user=login, level=level):
                    archive = self.archives[login, level]
                    if self._allowed(login, level, 'W'):
                        archive.sudo(getattr(self, login)).write({'competition': '%s 更新' % login})
                        archive.invalidate_cache()
                        self.assertEqual(archive.competition, '%s 更新' % login)
                    else:
                        with self.assertRaises(AccessError), self.env.cr.savepoint():
                            archive.sudo(getattr(self, login)).write({'competition': '越权'})
                        archive.invalidate_cache()
                        self.assertFalse(archive.competition)

    def test_unlink(self):
        """Nobody deletes an archive, whatever the level."""
        for login in MATRIX:
            for level in LEVELS:
                with self.subTest(user=login, level=level):
                    archive = self.archives[login, level]
                    with self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
                        archive.sudo(getattr(self, login)).unlink()
                    self.assertTrue(archive.exists())

    def test_own_customer_refused(self):
        """A salesperson or agent cannot read even the secret archive of their own customer."""
        for login in ('salesperson', 'agent'):
            with self.subTest(user=login), self.assertRaises(AccessError):
                self.archives[login, 'secret'].sudo(getattr(self, login)).read(['organisation'])
        self.assertFalse(self._logs(self.archives['agent', 'secret']))
