"""Attacks on customer archives (POLICY §5 as corrected, §8), each as a real user of its group: the rule
first hides what it must, then the attack is refused (or registered) and nothing is written."""
from odoo.exceptions import AccessError, UserError, ValidationError

from .archive_common import CsArchiveCase

SECRET_TEXT = '董事会 - 总经理'


class TestSecurityArchive(CsArchiveCase):

    @classmethod
    def setUpClass(cls):
        super(TestSecurityArchive, cls).setUpClass()
        cls.secret = cls._archive('一般客户', 'secret', cls.agent)
        cls.key = cls._archive('重点客户', 'confidential', cls.salesperson)
        cls.vip = cls._archive('VIP客户', 'top_secret', cls.manager)
        cls.Disposal = cls.env['cs.archive.disposal']
        cls.Message = cls.env['mail.message']

    def _no_log(self, *archives):
        for archive in archives:
            self.assertFalse(self._logs(archive), archive.partner_id.name)

    # --- class 8: only managers and above read, every read registered, one door to the content

    def test_agent_reads_secret(self):
        """An agent reads even the secret archive of their own customer: refused, nothing registered."""
        with self.assertRaises(AccessError):
            self.Archive.sudo(self.agent).search([])
        with self.assertRaises(AccessError):
            self.secret.sudo(self.agent).read(['organisation'])
        self._no_log(self.secret)

    def test_non_readers_refused(self):
        """The salesperson, the information supervisor and the quality supervisor read no archive."""
        for user in (self.salesperson, self.info, self.quality):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.Archive.sudo(user).search_read([], ['organisation'])
                with self.assertRaises(AccessError):
                    self.key.sudo(user).read(['organisation'])
        self._no_log(self.secret, self.key)

    def test_manager_reads_top_secret(self):
        """A manager reads a top-secret archive: hidden from his search, the read refused, nothing registered."""
        self.assertNotIn(self.vip, self.Archive.sudo(self.manager).search([]))
        with self.assertRaises(AccessError):
            self.vip.sudo(self.manager).read(['special_strategy'])
        self._no_log(self.vip)

    def test_reads_registered_on_every_path(self):
        """read, search_read, export_data and a field reached in code each register the GM's read, secret
        level included: no path reads the content without a log line."""
        gm_secret = self.secret.sudo(self.gm)
        gm_secret.read(['organisation'])
        self.Archive.sudo(self.gm).search_read([('id', '=', self.secret.id)], ['key_persons'])
        gm_secret.export_data(['organisation'])
        gm_secret.invalidate_cache()
        self.assertEqual(gm_secret.organisation, SECRET_TEXT)
        logs = self._logs(self.secret)
        self.assertEqual(len(logs), 4)
        self.assertEqual(set(logs.mapped('level')), {'secret'})

    def test_export_through_another_model_registered(self):
        """An export of archive_id/organisation from the access log (a manager reads the log) registers too."""
        self.key.sudo(self.manager).read(['organisation'])
        line = self._logs(self.key)
        self.Archive.invalidate_cache()
        line.sudo(self.manager).export_data(['archive_id/organisation'])
        self.assertEqual(len(self._logs(self.key)), 2)

    def test_forged_purpose_cannot_skip_the_log(self):
        """A purpose in the context is data: the read is registered with it; a NUL purpose is refused."""
        self.key.sudo(self.manager).with_context(cs_access_purpose='审计').read(['organisation'])
        self.assertEqual(self._logs(self.key).purpose, '审计')
        with self.assertRaisesRegex(UserError, '用途'):
            self.key.sudo(self.manager).with_context(cs_access_purpose='a\x00b').read(['organisation'])
        self.assertEqual(len(self._logs(self.key)), 1)

    def test_search_on_content(self):
        """search, search_count and name_search on the content are refused, even for the GM."""
        Archive = self.Archive.sudo(self.gm)
        with self.assertRaisesRegex(AccessError, '搜索'):
            Archive.search([('organisation', 'ilike', '董事会')])
        with self.assertRaises(AccessError):
            Archive.search_count([('special_strategy', '!=', False)])
        with self.assertRaises(AccessError):
            Archive.name_search('VIP', args=[('key_persons', 'ilike', '总')])
        self._no_log(self.secret, self.key, self.vip)

    def test_search_on_content_through_a_path(self):
        """A domain archive_id.organisation on the disposal requests is refused too."""
        with self.assertRaises(AccessError):
            self.Disposal.sudo(self.manager).search([('archive_id.organisation', 'ilike', '董事会')])

    def test_sort_by_content(self):
        """Sorting archives by their content (an oracle) is refused."""
        with self.assertRaises(AccessError):
            self.Archive.sudo(self.gm).search([], order='competition desc')

    def test_group_by_content(self):
        """read_group grouping or aggregating on the content is refused; nothing registered."""
        Archive = self.Archive.sudo(self.gm)
        with self.assertRaisesRegex(AccessError, '分组'):
            Archive.read_group([], ['organisation'], ['organisation'])
        with self.assertRaises(AccessError):
            Archive.read_group([], ['partner_id', 'key_persons:count'], ['partner_id'])
        self._no_log(self.secret, self.key, self.vip)

    def test_copy(self):
        """Copying an archive is refused, even for the GM; copy_data leaves the content out."""
        count = self.Archive.with_context(active_test=False).search_count([])
        with self.assertRaisesRegex(UserError, '复制'), self.env.cr.savepoint():
            self.secret.sudo(self.gm).copy({'partner_id': self.customer.id})
        self.assertEqual(self.Archive.with_context(active_test=False).search_count([]), count)
        self.assertNotIn('organisation', self.secret.sudo(self.gm).copy_data()[0])

    def test_follower_refused(self):
        """The GM cannot make an agent (nor a manager, on a top-secret one) follow an archive."""
        before = self.vip.message_partner_ids
        for user in (self.agent, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError), self.env.cr.savepoint():
                self.vip.sudo(self.gm).message_subscribe_users(user_ids=[user.id])
        self.vip.invalidate_cache()
        self.assertEqual(self.vip.message_partner_ids, before)

    def test_recipient_refused(self):
        """A message on an archive addressed to an agent is refused; nothing posted."""
        count = len(self.vip.message_ids)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.vip.sudo(self.gm).message_post(body='请看', partner_ids=[self.agent.partner_id.id])
        self.vip.invalidate_cache()
        self.assertEqual(len(self.vip.message_ids), count)

    def test_follower_agent_reads_top_secret_chatter(self):
        """An agent made follower behind the rules and notified of a top-secret archive's message finds
        nothing through mail.message and cannot read it; the next post drops the follower."""
        self.env['mail.followers'].create({
            'res_model': self.Archive._name, 'res_id': self.vip.id, 'partner_id': self.agent.partner_id.id})
        message = self.vip.sudo(self.gm).message_post(body='年度框架价格', message_type='comment',
                                                      subtype='mail.mt_comment')
        message.sudo().write({'partner_ids': [(4, self.agent.partner_id.id)],
                       'needaction_partner_ids': [(4, self.agent.partner_id.id)]})
        self.assertIn(message, self.Message.sudo(self.gm).search([('model', '=', self.Archive._name)]))
        Message = self.Message.sudo(self.agent)
        self.assertFalse(Message.search([('model', '=', self.Archive._name), ('res_id', '=', self.vip.id)]))
        self.assertEqual(Message.search_count([('id', '=', message.id)]), 0)
        with self.assertRaises(AccessError):
            message.sudo(self.agent).read(['body'])
        self.assertNotIn(self.agent.partner_id, self.vip.message_partner_ids)

    def test_chatter_never_holds_content(self):
        """Writing the content posts nothing of it in the archive's chatter."""
        self.key.sudo(self.manager).write({'competition': '竞争对手报价下浮5%'})
        bodies = ' '.join(self.key.message_ids.mapped('body'))
        values = ' '.join(str(v) for v in self.key.message_ids.mapped('tracking_value_ids.new_value_char'))
        self.assertNotIn('下浮', bodies + values)

    def test_review_activity_to_non_reader(self):
        """A manager cannot give an archive's review activity to an agent (who could not open it)."""
        review = self.env.ref('customer_service_mgmt.mail_activity_type_cs_archive_review')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env['mail.activity'].sudo(self.manager).create({
                'res_model_id': self.env['ir.model']._get(self.Archive._name).id, 'res_id': self.key.id,
                'activity_type_id': review.id, 'user_id': self.agent.id, 'summary': '核定'})
        self.assertFalse(self.env['mail.activity'].search([('res_id', '=', self.key.id),
                                                            ('res_model', '=', self.Archive._name)]))

    # --- class 2: protected values

    def test_review_stamps_protected(self):
        """A manager cannot write the review date, reviewer or quarter; nothing changes."""
        before = (self.key.last_review_date, self.key.last_reviewer_id, self.key.review_quarter)
        for vals in ({'last_review_date': '2030-01-01'}, {'last_reviewer_id': self.gm.id},
                     {'review_quarter': '2030-Q1'}):
            with self.subTest(vals=vals), self.assertRaises(AccessError), self.env.cr.savepoint():
                self.key.sudo(self.manager).write(vals)
        self.key.invalidate_cache()
        self.assertEqual((self.key.last_review_date, self.key.last_reviewer_id, self.key.review_quarter), before)

    def test_create_with_stamps(self):
        """Creating an archive already reviewed long ago by someone else is refused."""
        partner = self._customer('新客户', 'secret', self.manager)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.Archive.sudo(self.manager).create({'partner_id': partner.id, 'last_reviewer_id': self.gm.id})
        self.assertFalse(self.Archive.search([('partner_id', '=', partner.id)]))

    def test_archiving_by_hand(self):
        """The GM cannot archive an archive by hand, with or without the old context key."""
        for context in ({}, {'cs_disposal_approved': True}):
            with self.subTest(context=context), self.assertRaises(AccessError), self.env.cr.savepoint():
                self.vip.sudo(self.gm).with_context(**context).write({'active': False})
        self.assertTrue(self.vip.active)

    def test_move_content_to_another_customer(self):
        """Moving an archive to another (lower-tier) customer is refused."""
        partner = self._customer('低级客户', 'secret', self.gm)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.key.sudo(self.gm).write({'partner_id': partner.id})
        self.assertEqual(self.key.cs_confidentiality, 'confidential')

    # --- class 6: no lowering of the level

    def test_level_lowered_by_override(self):
        """An agent, then a manager, cannot lower the level of an archive by an override."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.key.sudo(self.agent).write({'confidentiality_override': 'secret', 'confidentiality_reason': '降'})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.key.sudo(self.manager).write({'confidentiality_override': 'secret', 'confidentiality_reason': '降'})
        self.key.invalidate_cache()
        self.assertEqual(self.key.cs_confidentiality, 'confidential')

    def test_level_lowered_by_reparenting(self):
        """Making a VIP customer a contact of a general one (its tier would follow) is refused."""
        general = self._customer('普通公司', 'secret')
        partner = self.vip.partner_id
        for vals in ({'parent_id': general.id, 'is_company': False},):
            with self.assertRaisesRegex(ValidationError, '一个客户一份档案'), self.env.cr.savepoint():
                partner.sudo(self.gm).write(vals)
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            partner.write({'parent_id': general.id, 'is_company': False})
        self.vip.invalidate_cache()
        self.assertEqual(self.vip.cs_confidentiality, 'top_secret')
        self.assertFalse(partner.parent_id)

    def test_level_lowered_by_company_flag(self):
        """A VIP company first given a parent, then turned into a contact, keeps its archive's level."""
        general = self._customer('普通母公司', 'secret')
        partner = self.vip.partner_id
        partner.write({'parent_id': general.id})
        with self.assertRaises(ValidationError), self.env.cr.savepoint():
            partner.sudo(self.gm).write({'is_company': False})
        self.vip.invalidate_cache()
        self.assertEqual(self.vip.cs_confidentiality, 'top_secret')

    # --- classes 2, 3, 4: disposal

    def _request(self, archive=None):
        return self.Disposal.sudo(self.manager).create({
            'archive_id': (archive or self.secret).id, 'reason': '客户已注销'})

    def test_disposal_state_written(self):
        """A manager writes a request's state to done: refused, the archive stays."""
        request = self._request()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            request.sudo(self.manager).write({'state': 'done'})
        self.assertEqual(request.state, 'draft')
        self.assertTrue(self.secret.active)

    def test_disposal_created_done(self):
        """A request created already disposed, or by someone else, or with a default_state key: refused or
        stripped."""
        for vals in ({'state': 'done'}, {'requested_by_id': self.gm.id}, {'name': 'DSP/伪造'}):
            with self.subTest(vals=vals), self.assertRaises(AccessError), self.env.cr.savepoint():
                self.Disposal.sudo(self.manager).create(dict(vals, archive_id=self.secret.id, reason='过时'))
        request = self.Disposal.sudo(self.manager).with_context(default_state='done').create({
            'archive_id': self.secret.id, 'reason': '过时'})
        self.assertEqual(request.state, 'draft')

    def test_disposal_requested_by_non_reader(self):
        """The information supervisor cannot request a disposal (he reads no archive)."""
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.Disposal.sudo(self.info).create({'archive_id': self.secret.id, 'reason': '过时'})
        self.assertFalse(self.Disposal.search([('archive_id', '=', self.secret.id)]))

    def test_approval_moved_to_another_archive(self):
        """Once approved, a request cannot be moved to another archive; nothing changes."""
        request = self._request()
        request.sudo(self.info).action_approve_info_supervisor()
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            request.sudo(self.manager).write({'archive_id': self.key.id})
        self.assertEqual(request.archive_id, self.secret)

    def test_approvals_never_count_for_another_archive(self):
        """Even moved by the server, a request's approvals count only for the archive they were given for."""
        request = self._request()
        request.sudo(self.info).action_approve_info_supervisor()
        request.sudo(self.gm).action_approve_gm()
        request.sudo().write({'archive_id': self.key.id})  # the server
        request.sudo(self.manager).action_approve_manager()
        self.assertEqual(request.state, 'draft')
        self.assertTrue(self.key.active and self.secret.active)

    def test_approval_forged(self):
        """A manager cannot create, change nor delete an approval directly."""
        request = self._request()
        Approval = self.env['cs.archive.disposal.approval']
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Approval.sudo(self.manager).create({'disposal_id': request.id, 'role': 'gm', 'user_id': self.gm.id})
        request.sudo(self.manager).action_approve_manager()
        approval = request.approval_ids
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            approval.sudo(self.manager).write({'role': 'gm'})
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            approval.sudo(self.manager).unlink()
        self.assertEqual((approval.role, len(request.approval_ids)), ('manager', 1))

    def test_info_supervisor_approves_as_gm(self):
        """The information supervisor cannot give the GM's approval; he sees the customer on the request."""
        request = self._request()
        self.assertEqual(request.sudo(self.info).read(['partner_id'])[0]['partner_id'][1], '一般客户')
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            request.sudo(self.info).action_approve_gm()
        self.assertFalse(request.approval_ids)

    # --- class 10: bad values

    def test_bad_purpose(self):
        """A consultation purpose with NUL or only an ideographic space is refused, naming the field."""
        for purpose in ('a\x00b', '\u3000'):
            with self.subTest(purpose=repr(purpose)), self.assertRaisesRegex(UserError, '用途'), \
                    self.env.cr.savepoint():
                self.env['cs.archive.access.wizard'].sudo(self.manager).create(
                    {'archive_id': self.key.id, 'purpose': purpose}).action_confirm()
        self._no_log(self.key)

    def test_bad_disposal_reason(self):
        """A disposal reason of zero-width spaces is refused, naming the field."""
        with self.assertRaises(UserError), self.env.cr.savepoint():
            self.Disposal.sudo(self.manager).create({'archive_id': self.secret.id, 'reason': '\u200b\u200b'})
        self.assertFalse(self.Disposal.search([('archive_id', '=', self.secret.id)]))
