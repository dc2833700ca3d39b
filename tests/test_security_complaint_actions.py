from odoo.exceptions import AccessError, UserError, ValidationError

from .complaint_common import ComplaintAttackCase

# (field, value) an accused agent tries on the complaint about them (issue 9, class 7)
ACCUSED_WRITES = [
    ('cs_accused_user_ids', [(3, 'accused')]),
    ('cs_accused_user_ids', [(6, 0, [])]),
    ('cs_investigator_id', 'agent'),
    ('cs_investigation', '经查与本人无关'),
    ('cs_finding', 'misunderstanding'),
    ('cs_rectification_plan', '无需整改'),
    ('cs_action_ids', [(0, 0, {'name': '无', 'date_deadline': '2026-12-01'})]),
    ('cs_reply', '客户误解'),
    ('cs_customer_opinion', 'satisfied'),
    ('user_id', 'accused'),
]


class TestSecurityComplaintActions(ComplaintAttackCase):
    """Attacks through the complaint's public actions and by the accused, as real users."""

    def _id(self, value):
        return getattr(self, value).id if isinstance(value, str) and value in ('agent', 'accused') else value

    def test_accused_cannot_touch_their_complaint(self):
        """The accused agent changes neither the accused list, investigation, finding, plan, actions,
        reply, opinion nor handler of the complaint about them."""
        for name, value in ACCUSED_WRITES:
            with self.subTest(field=name):
                if isinstance(value, list):
                    value = [tuple(self._id(v) for v in command) for command in value]
                else:
                    value = self._id(value)
                self._attack(self.accused, AccessError, lambda t: t.write({name: value}),
                             names=[name, 'cs_action_ids'], message='回避')

    def test_accused_cannot_touch_the_actions(self):
        """The accused can neither add, edit nor delete their complaint's corrective actions directly."""
        action = self.env['cs.ticket.action'].sudo(self.manager).create({
            'ticket_id': self.ticket.id, 'name': '培训', 'date_deadline': '2026-12-01'})
        Action = self.env['cs.ticket.action'].sudo(self.accused)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            Action.create({'ticket_id': self.ticket.id, 'name': '无', 'date_deadline': '2026-12-01'})
        self._attack(self.accused, AccessError, lambda a: a.write({'done': True}), action, ['done', 'done_date'])
        self._attack(self.accused, AccessError, lambda a: a.unlink(), action, ['name'])
        self.assertEqual(len(self.ticket.cs_action_ids), 1)

    def test_accused_still_comments(self):
        """The accused still posts in the chatter, and takes no other ticket's handling away."""
        message = self.ticket.sudo(self.accused).message_post(
            body='我对调查结果有补充说明', message_type='comment', subtype='mail.mt_comment')
        self.assertIn(message, self.ticket.message_ids)
        self.assertEqual(message.author_id, self.accused.partner_id)

    def test_accused_manager_hands_nothing_over(self):
        """A manager accused in a complaint cannot hand it over nor assign it."""
        self.ticket.sudo().write({'cs_accused_user_ids': [(4, self.manager.id)]})
        self._attack(self.manager, AccessError, lambda t: t.action_cs_hand_over(self.quality.id),
                     names=['cs_first_responder_id', 'user_id'], message='回避')
        self._attack(self.manager, AccessError, lambda t: t.write({'user_id': self.quality.id}), names=['user_id'])

    def test_hand_over_arguments(self):
        """Hand-over by an agent, to garbage, a missing, inactive, outside or other company's user, or the
        accused: refused, naming the field; nothing written."""
        inactive = self._user('gone', 'customer_service_mgmt.group_cs_agent')
        inactive.active = False
        outsider = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'outsider', 'login': 'cs_test_outsider',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id])]})
        names = ['cs_first_responder_id', 'user_id']
        self._attack(self.agent, AccessError, lambda t: t.action_cs_hand_over(self.quality.id), names=names)
        for user in ('abc', None, True, -3, 987654321, [self.quality.id], inactive.id, outsider.id,
                     self.stranger.id, self.env['res.partner'].browse(self.quality.partner_id.id)):
            with self.subTest(user=user):
                self._attack(self.manager, UserError, lambda t: t.action_cs_hand_over(user), names=names,
                             message='新负责人')
        self._attack(self.manager, ValidationError, lambda t: t.action_cs_hand_over(self.accused.id), names=names)
        self._attack(self.manager, UserError, lambda t: t.action_cs_hand_over(self.quality.id, {'x': 1}), names=names)
        self._attack(self.manager, UserError, lambda t: t.action_cs_hand_over(self.quality.id, 'ok', 'yes'),
                     names=names, message='同时设为处理人')

    def test_hand_over_by_id_works(self):
        """Over the web API the user arrives as an id: a manager's hand-over by id works."""
        self.ticket.sudo(self.manager).action_cs_hand_over(self.quality.id, '转交', False)
        self.assertEqual((self.ticket.cs_first_responder_id, self.ticket.user_id), (self.quality, self.agent))

    def test_extend_arguments(self):
        """Extending with a text, NaN, a boolean, a float, NUL or blank reason, or by an agent: refused."""
        names = ['cs_deadline_days', 'cs_extension_reason', 'cs_deadline']
        for days in ('5', float('nan'), True, 5.5, None, [5], 10 ** 12):
            with self.subTest(days=days):
                self._attack(self.manager, UserError, lambda t: t.action_cs_extend(days, '特殊情况'), names=names,
                             message='工作日总数')
        self._attack(self.manager, UserError, lambda t: t.action_cs_extend(5, '原因\x00'), names=names)
        self._attack(self.manager, UserError, lambda t: t.action_cs_extend(5, 42), names=names)
        self._attack(self.manager, ValidationError, lambda t: t.action_cs_extend(5, '\u3000'), names=names)
        self._attack(self.agent, AccessError, lambda t: t.action_cs_extend(5, '客户要求'), names=names,
                     message=self.ticket.number)

    def test_spot_check_rules(self):
        """Spot-check by a non-quality user, by the quality supervisor who handles it or is accused in it,
        or with odd arguments: refused, nothing written."""
        self._complete(self.ticket)
        self.ticket.write({'stage_id': self.stage_done.id})
        names = ['cs_spot_check', 'cs_spot_checker_id', 'cs_spot_check_date', 'stage_id']
        for user in (self.agent, self.manager, self.accused):
            with self.subTest(user=user.login):
                self._attack(user, AccessError, lambda t: t.action_cs_spot_check(True), names=names,
                             message=self.ticket.number)
        self.ticket.sudo(self.manager).write({'user_id': self.quality.id})
        self._attack(self.quality, AccessError, lambda t: t.action_cs_spot_check(True), names=names,
                     message=self.ticket.number)
        self.ticket.sudo().write({'user_id': self.agent.id, 'cs_accused_user_ids': [(4, self.quality.id)]})
        self._attack(self.quality, AccessError, lambda t: t.action_cs_spot_check(True), names=names)
        self.ticket.sudo().write({'cs_accused_user_ids': [(3, self.quality.id)]})
        for passed, note in (('yes', False), (1, False), (False, ['x']), (False, '\x00'), (False, '\u3000')):
            with self.subTest(passed=passed, note=note):
                self._attack(self.quality, UserError, lambda t: t.action_cs_spot_check(passed, note), names=names)
        self.ticket.sudo(self.quality).action_cs_spot_check(True, ' 抽查合格 ')
        self.assertEqual((self.ticket.cs_spot_check, self.ticket.cs_spot_check_note), ('passed', '抽查合格'))
