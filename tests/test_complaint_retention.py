from odoo.exceptions import UserError

from .complaint_common import ComplaintCase


class TestComplaintRetention(ComplaintCase):
    """归档: closed tickets are archived after a year unless important; registered tickets are never deleted."""

    def _closed(self, months_ago, **vals):
        ticket = self._ticket(**vals)
        self._complete(ticket)
        ticket.write({'stage_id': self.stage_done.id})
        # backdate the closing, as a ticket closed long ago would be
        self.env.cr.execute("UPDATE helpdesk_ticket SET cs_closed_date = now() at time zone 'utc' - %s::interval "
                            "WHERE id = %s", ('%d months' % months_ago, ticket.id))
        ticket.invalidate_cache()
        return ticket

    def test_old_closed_archived_important_kept(self):
        """Closed 13 months ago: archived; important or closed 11 months ago: kept; open: kept."""
        old = self._closed(13)
        important = self._closed(13, cs_important=True)
        recent = self._closed(11)
        open_ticket = self._ticket(cs_registered_date='2020-01-02 01:00:00')
        self.assertGreaterEqual(self.Ticket._cs_archive_closed(), 1)
        self.assertFalse(old.active)
        self.assertTrue(important.active)
        self.assertTrue(recent.active)
        self.assertTrue(open_ticket.active)
        self.assertEqual(self.Ticket.with_context(active_test=False).search([('id', '=', old.id)]), old)
        self.assertEqual(self.Ticket._cs_archive_closed(), 0)

    def test_unlink_refused(self):
        """Nobody deletes a registered ticket, not even the general manager."""
        ticket = self._ticket()
        with self.assertRaisesRegex(UserError, '不能删除'):
            ticket.sudo(self.gm).unlink()
        self.assertTrue(ticket.exists())
