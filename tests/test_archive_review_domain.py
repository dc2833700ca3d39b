import datetime

from odoo import fields

from ..policy import archives as archive_policy
from .archive_common import CsArchiveCase


class TestArchiveReviewDomain(CsArchiveCase):
    """The review cron's search finds exactly the archives policy.archives.needs_review names."""

    def test_cron_domain_is_needs_review(self):
        """Never reviewed, reviewed last quarter, reviewed this quarter, already given this quarter's activity."""
        today = datetime.date(2026, 11, 23)
        quarter, start = archive_policy.quarter_of(today), archive_policy.quarter_start(today)
        cases = [(False, False), (False, start - datetime.timedelta(days=1)), (False, start),
                 (quarter, False), ('2026-Q3', start - datetime.timedelta(days=40))]
        archives = self.Archive.browse()
        for i, (review_quarter, last_review) in enumerate(cases):
            archive = self._archive('复核客户 %d' % i)
            archive._cs_system_write({'review_quarter': review_quarter,
                                      'last_review_date': fields.Date.to_string(last_review) if last_review else False})
            archives |= archive
        found = self.Archive.sudo().search(archive_policy.review_domain(today) + [('id', 'in', archives.ids)])
        due = archives.filtered(lambda a: archive_policy.needs_review(
            fields.Date.from_string(a.last_review_date), a.review_quarter, today))
        self.assertEqual(found, due)
        self.assertEqual(len(due), 3)
