import datetime

from odoo import fields
from odoo.exceptions import AccessError, UserError

from ..policy import declassification as term_policy
from .archive_common import CsArchiveCase


class TestArchiveDeclassification(CsArchiveCase):
    """A confidentiality term drops the archive one level on its date, by the daily cron, registered."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveDeclassification, cls).setUpClass()
        cls.Register = cls.env['cs.archive.declassification']
        cls.archive = cls._archive('解密客户', 'top_secret')

    def _day(self, days):
        return fields.Date.to_string(self.today + datetime.timedelta(days=days))

    def test_term_drops_one_level(self):
        """GM sets a term; on its date the cron lowers top secret to confidential, logs chatter and register."""
        self.archive.sudo(self.gm).write({'declassify_date': self._day(3)})
        self.Archive._cs_declassify(today=self._day(2))
        self.assertEqual(self.archive.cs_confidentiality, 'top_secret')
        self.Archive._cs_declassify(today=self._day(3))
        self.archive.invalidate_cache()
        self.assertEqual(self.archive.cs_confidentiality, 'confidential')
        self.assertFalse(self.archive.declassify_date)
        line = self.Register.search([('archive_id', '=', self.archive.id)])
        self.assertEqual((line.from_level, line.to_level, str(line.term_date)), ('top_secret', 'confidential', self._day(3)))
        self.assertIn('保密期限', self.archive.sudo().message_ids[0].body)
        # now a manager reads it, and the next run changes nothing
        self.assertTrue(self.Archive.sudo(self.manager).search([('id', '=', self.archive.id)]))
        self.Archive._cs_declassify(today=self._day(10))
        self.assertEqual(len(self.Register.search([('archive_id', '=', self.archive.id)])), 1)

    def test_cron_domain_is_the_policy_rule(self):
        """The cron's search finds exactly the archives the policy's is_due calls due (no term, past, today, later)."""
        archives = self.archive
        for name, days in (('无期限客户', None), ('到期客户', 0), ('未到期客户', 1)):
            archive = self._archive(name, 'top_secret')
            if days is not None:
                archive.sudo(self.gm).write({'declassify_date': self._day(days + 1)})
            archives |= archive
        today = self._day(1)
        found = self.Archive.sudo().search(term_policy.due_domain(today) + [('id', 'in', archives.ids)])
        due = archives.filtered(lambda a: term_policy.is_due(
            fields.Date.from_string(a.declassify_date), fields.Date.from_string(today)))
        self.assertEqual(found, due)
        self.assertEqual(len(due), 1)

    def test_past_date_refused_on_creation(self):
        """An archive created with a declassification date already past is refused, nothing written."""
        partner = self._customer('过去客户', 'confidential')
        with self.assertRaisesRegex(UserError, '已'), self.env.cr.savepoint():
            self.Archive.sudo(self.gm).create({'partner_id': partner.id, 'declassify_date': self._day(-1)})
        self.assertFalse(self.Archive.sudo().search([('partner_id', '=', partner.id)]))

    def test_past_date_refused_on_write(self):
        """Setting a past date later is refused too."""
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.archive.sudo(self.gm).write({'declassify_date': self._day(-30)})
        self.assertFalse(self.archive.declassify_date)

    def test_only_gm_sets_term(self):
        """A manager (on an archive they read) cannot schedule a lowering; nothing written."""
        archive = self._archive('经理客户', 'confidential')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            archive.sudo(self.manager).write({'declassify_date': self._day(5)})
        self.assertFalse(archive.declassify_date)

    def test_register_append_only(self):
        """The register cannot be changed by the GM; the cron is private over RPC."""
        self.archive.sudo(self.gm).write({'declassify_date': self._day(0)})
        self.Archive._cs_declassify(today=self._day(0))
        line = self.Register.search([('archive_id', '=', self.archive.id)])
        with self.assertRaises((AccessError, UserError)), self.env.cr.savepoint():
            line.sudo(self.gm).write({'to_level': 'top_secret'})
        self.assertEqual(line.to_level, 'confidential')
        self.assertTrue(self.Archive._cron_cs_declassify.__name__.startswith('_'))
