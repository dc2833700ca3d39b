from .archive_common import CsArchiveCase


class TestArchiveChatterComposer(CsArchiveCase):
    """The archive's chatter rule guards messages only: the mail composer inherits mail.message's methods
    with a table (and ids) of its own, and must not be refused when its id equals an archive message's."""

    def test_composer_with_the_id_of_an_archive_message(self):
        """An agent writes on a ticket although the composer's id is the id of a top-secret archive message."""
        partner = self._customer('绝密档案客户', 'top_secret')
        archive = self.Archive.create({'partner_id': partner.id})
        message = archive.message_post(body='档案备注')
        # the next composer gets the archive message's id, as happens by chance on a busy server
        self.env.cr.execute("SELECT setval('mail_compose_message_id_seq', %s, false)", (message.id,))
        ticket = self.env['helpdesk.ticket'].sudo(self.agent).create({
            'name': '撰写器编号', 'partner_id': self.customer.id, 'cs_kind': 'consultation'})
        composer = self.env['mail.compose.message'].sudo(self.agent).create({
            'model': 'helpdesk.ticket', 'res_id': ticket.id, 'body': '<p>已回复</p>',
            'composition_mode': 'comment'})
        self.assertEqual(composer.id, message.id)
        composer.send_mail()
        self.assertIn('已回复', ticket.message_ids[0].body)
