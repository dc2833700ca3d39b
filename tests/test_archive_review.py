import datetime

from dateutil.relativedelta import relativedelta

from odoo import fields

from .archive_common import CsArchiveCase


class TestArchiveReview(CsArchiveCase):
    """Quarterly re-verification 每季度重新核定: one review activity per archive and quarter."""

    @classmethod
    def setUpClass(cls):
        super(TestArchiveReview, cls).setUpClass()
        cls.review_type = cls.env.ref('customer_service_mgmt.mail_activity_type_cs_archive_review')
        cls.day = datetime.date(2026, 11, 22)
        cls.old = cls._archive('老客户', 'secret', cls.manager)
        cls.key = cls._archive('重点老客户', 'confidential', cls.salesperson)
        cls.fresh = cls._archive('新核定客户', 'secret', cls.salesperson)
        # backdated: reviewed last quarter, except ``fresh`` reviewed this quarter
        cls.env.cr.execute("UPDATE cs_customer_archive SET last_review_date = %s WHERE id IN %s",
                           ('2026-08-15', (cls.old.id, cls.key.id)))
        cls.env.cr.execute("UPDATE cs_customer_archive SET last_review_date = %s WHERE id = %s",
                           ('2026-10-02', cls.fresh.id))
        cls.Archive.invalidate_cache()

    def _reviews(self, archive):
        return self.env['mail.activity'].search([
            ('res_model', '=', 'cs.customer.archive'), ('res_id', '=', archive.id),
            ('activity_type_id', '=', self.review_type.id)])

    def test_once_per_quarter(self):
        """The cron asks for one review per archive due; a second run the same quarter adds nothing."""
        self.Archive._cs_create_reviews(self.day)
        self.assertEqual(len(self._reviews(self.old)), 1)
        self.assertEqual(len(self._reviews(self.key)), 1)
        self.assertFalse(self._reviews(self.fresh))
        self.assertEqual(self.old.review_quarter, '2026-Q4')
        self.Archive._cs_create_reviews(self.day + relativedelta(days=20))
        self.assertEqual(len(self._reviews(self.old)), 1)

    def test_next_quarter_again(self):
        """A review not done by the next quarter is asked again, once."""
        self.Archive._cs_create_reviews(self.day)
        self.Archive._cs_create_reviews(datetime.date(2027, 1, 5))
        self.assertEqual(len(self._reviews(self.old)), 2)
        self.assertEqual(len(self._reviews(self.fresh)), 1)

    def test_assigned_to_a_reader(self):
        """A review goes to the customer's salesperson when he may read the archive (a manager), else to
        whoever last verified it and may read it, else to a general manager: never to someone who may
        not open it."""
        self.key.sudo().write({'last_reviewer_id': self.manager.id})
        self.Archive._cs_create_reviews(self.day)
        self.assertEqual(self._reviews(self.old).user_id, self.manager)
        self.assertEqual(self._reviews(self.key).user_id, self.manager)
        self.assertEqual(self._reviews(self.fresh).user_id, self.env['res.users'])
        self.assertIn(self.manager.partner_id, self.old.message_partner_ids)
        self.assertNotIn(self.salesperson.partner_id, self.key.message_partner_ids)
        lone = self._archive('无人核定客户', 'top_secret', self.salesperson)
        self.env.cr.execute("UPDATE cs_customer_archive SET last_review_date = %s WHERE id = %s",
                            ('2026-08-15', lone.id))
        self.Archive.invalidate_cache()
        self.Archive._cs_create_reviews(self.day)
        self.assertTrue(self._reviews(lone).user_id._cs_is_gm())
        self.assertEqual(self._reviews(self.old).res_name, '老客户')
        self.assertEqual(fields.Date.from_string(self._reviews(self.old).date_deadline),
                         self.day + relativedelta(days=14))

    def test_done_stamps_date_and_reviewer(self):
        """Marking the review done stamps the date and the reviewer, and the archive is no longer due."""
        self.Archive._cs_create_reviews(self.day)
        self._reviews(self.old).sudo(self.manager).action_feedback('已核对')
        self.assertFalse(self._reviews(self.old))
        self.assertEqual(self.old.last_reviewer_id, self.manager)
        self.assertEqual(self.old.last_review_date, fields.Date.context_today(self.old))

    def test_button_marks_reviewed(self):
        """The archive's button completes the review too."""
        self.Archive._cs_create_reviews(self.day)
        self.old.sudo(self.manager).action_mark_reviewed()
        self.assertFalse(self._reviews(self.old))
        self.assertEqual(self.old.last_reviewer_id, self.manager)

    def test_cron_entry_point(self):
        """The scheduled action runs the review and is idempotent."""
        cron = self.env.ref('customer_service_mgmt.ir_cron_cs_archive_review')
        self.assertEqual(cron.numbercall, -1)
        first = self.Archive._cron_cs_archive_review()
        self.assertGreaterEqual(first, 0)
        self.assertEqual(self.Archive._cron_cs_archive_review(), 0)
