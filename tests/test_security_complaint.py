import json

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.service.model import check_method_name

from .complaint_common import ComplaintAttackCase

NOW = '2026-11-20 08:00:00'

# (user, field, value): a user's write of a value the addon stamps or computes (issue 9, class 2)
PROTECTED_WRITES = [
    ('agent', 'cs_registered_date', '2020-01-01 00:00:00'),
    ('agent', 'cs_deadline', '2030-01-01 00:00:00'),
    ('manager', 'cs_deadline_days', 7),  # an extension without the extension action
    ('manager', 'cs_extension_reason', '客户要求'),
    ('manager', 'cs_escalation_level', 'general_manager'),
    ('gm', 'cs_escalated_date', NOW),
    ('agent', 'cs_closed_date', NOW),
    ('agent', 'cs_on_time', True),
    ('quality', 'cs_on_time_rate', 100.0),
    ('agent', 'cs_resolution_hours', 1.0),
    ('manager', 'cs_first_responder_id', 'quality'),
    ('quality', 'cs_spot_check', 'passed'),
    ('quality', 'cs_spot_check_note', '合格'),
    ('quality', 'cs_spot_checker_id', 'quality'),
    ('quality', 'cs_spot_check_date', NOW),
    ('agent', 'number', 'HT-FAKE'),
    ('agent', 'closed_date', NOW),
    ('manager', 'assigned_date', NOW),
    ('agent', 'last_stage_update', NOW),
    ('gm', 'cs_escalation_ids', [(0, 0, {'level': 'cs_manager', 'reason': 'overdue', 'user_id': 'gm'})]),
    ('manager', 'cs_reward_penalty_ids', [(5,)]),  # detaching the complaint's fines
]

# (user, field, value): a create carrying a value the system sets
PROTECTED_CREATES = [
    ('agent', 'cs_registered_date', '2020-01-01 00:00:00'),
    ('agent', 'cs_escalation_level', 'general_manager'),
    ('agent', 'cs_first_responder_id', 'quality'),
    ('manager', 'cs_first_responder_id', 'agent'),
    ('manager', 'cs_deadline_days', 7),
    ('quality', 'cs_spot_check', 'passed'),
    ('agent', 'cs_closed_date', NOW),
]


class TestSecurityComplaint(ComplaintAttackCase):
    """Attacks on the complaint register's protected values, context keys and logs, as real users."""

    def _value(self, value):
        if isinstance(value, str) and hasattr(self, value) and value in ('agent', 'quality', 'manager', 'gm'):
            return getattr(self, value).id
        if isinstance(value, list):
            return [(c[0], c[1], {k: self._value(v) for k, v in c[2].items()}) if len(c) == 3 else c
                    for c in value]
        return value

    def test_protected_writes(self):
        """A user's write of each stamped or computed value is refused, naming the field; nothing changes."""
        for login, name, value in PROTECTED_WRITES:
            with self.subTest(user=login, field=name):
                label = self.ticket._fields[name].get_description(self.env)['string']
                error = self._attack(getattr(self, login), AccessError,
                                     lambda t: t.write({name: self._value(value)}), names=[name])
                self.assertIn(label, error.args[0])

    def test_form_shows_them_read_only(self):
        """Every protected value the ticket form shows is read-only there, for every role."""
        protected = self.Ticket._cs_protected_fields()
        for user in (self.agent, self.quality, self.manager, self.gm):
            view = self.Ticket.sudo(user).fields_view_get(view_type='form')
            for node in etree.fromstring(view['arch']).iter('field'):
                name = node.get('name')
                if name in protected and not any(p.tag == 'field' for p in node.iterancestors()):
                    static = json.loads(node.get('modifiers') or '{}').get('readonly') is True
                    self.assertTrue(view['fields'][name].get('readonly') or static, '%s/%s' % (user.login, name))

    def test_protected_creates(self):
        """A create carrying a stamped value is refused; no ticket is registered."""
        for login, name, value in PROTECTED_CREATES:
            with self.subTest(user=login, field=name):
                count = self.Ticket.sudo().search_count([])
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    self.Ticket.sudo(getattr(self, login)).create({
                        'name': '伪造', 'partner_id': self.customer.id, name: self._value(value)})
                self.assertEqual(self.Ticket.sudo().search_count([]), count)

    def test_context_defaults_grant_nothing(self):
        """default_cs_escalation_level / default_cs_first_responder_id / default_cs_registered_date in the
        context are ignored: the ticket gets the system's values."""
        ticket = self.Ticket.sudo(self.agent).with_context(
            default_cs_escalation_level='general_manager', default_cs_first_responder_id=self.quality.id,
            default_cs_registered_date='2020-01-01 00:00:00', default_cs_spot_check='passed',
        ).create({'name': '上下文默认值', 'partner_id': self.customer.id}).sudo()
        self.assertEqual(ticket.cs_escalation_level, 'handler')
        self.assertEqual(ticket.cs_first_responder_id, self.agent)
        self.assertGreater(ticket.cs_registered_date, '2025-01-01')
        self.assertFalse(ticket.cs_spot_check)

    def test_hand_over_context_key(self):
        """The old cs_hand_over context key grants no hand-over, to an agent nor to a manager."""
        for user in (self.agent, self.manager):
            self._attack(user, AccessError, lambda t: t.with_context(cs_hand_over=True).write(
                {'cs_first_responder_id': self.quality.id}), names=['cs_first_responder_id'])

    def test_extension_by_write(self):
        """Extending by writing the working days with a reason (not the action) is refused, even for a manager."""
        self._attack(self.manager, AccessError, lambda t: t.write(
            {'cs_deadline_days': 5, 'cs_extension_reason': '特殊情况'}),
            names=['cs_deadline_days', 'cs_extension_reason', 'cs_deadline'])

    def test_escalation_log_is_the_systems(self):
        """Nobody creates, edits or deletes an escalation row: manager, general manager, quality."""
        self.ticket._cs_escalate('cs_manager', 'overdue', fields.Datetime.from_string(NOW))
        row = self.ticket.cs_escalation_ids
        self.assertEqual(len(row), 1)
        Escalation = self.env['cs.ticket.escalation']
        for user in (self.manager, self.gm, self.quality):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError), self.env.cr.savepoint():
                    Escalation.sudo(user).create({'ticket_id': self.ticket.id, 'level': 'general_manager',
                                                  'reason': 'overdue', 'user_id': user.id})
                self._attack(user, AccessError, lambda r: r.write({'level': 'department_head'}), row, ['level'])
                self._attack(user, AccessError, lambda r: r.unlink(), row, ['level'])
                self._attack(user, AccessError, lambda t: t.write({'cs_escalation_ids': [(2, row.id)]}),
                             names=['cs_escalation_ids'])

    def test_action_done_date_is_stamped(self):
        """The done date of an action is stamped by the code: writing or creating it is refused."""
        action = self.env['cs.ticket.action'].sudo(self.agent).create({
            'ticket_id': self.ticket.id, 'name': '补发', 'date_deadline': '2026-12-01', 'done': True})
        self._attack(self.agent, AccessError, lambda a: a.write({'done_date': '2020-01-01'}), action, ['done_date'])
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env['cs.ticket.action'].sudo(self.manager).create({
                'ticket_id': self.ticket.id, 'name': '补发', 'date_deadline': '2026-12-01',
                'done_date': '2020-01-01'})
        self._attack(self.agent, AccessError, lambda a: a.write({'ticket_id': self._ticket().id}), action,
                     ['ticket_id'])

    def test_maintenance_methods_are_private(self):
        """Crons and the "as of" methods cannot be called over the web API."""
        for name in ('_cron_cs_escalate_overdue', '_cron_cs_archive_closed', '_cs_escalate_overdue',
                     '_cs_archive_closed', '_cs_system_write', '_cs_on_complaint_closed'):
            with self.subTest(method=name), self.assertRaises(AccessError):
                check_method_name(name)

    def test_bad_values_name_the_field(self):
        """NaN, NUL, ideographic spaces, impossible dates, other companies' records: a UserError naming the field."""
        partner = self.env['res.partner'].create({'name': '别家客户', 'company_id': self.other_company.id})
        attacks = [
            ('cs_contact_phone', '138\x000000', '联系电话'),
            ('cs_reply', '\u3000\u3000', '答复'),
            ('cs_investigation', '\u200b ', '调查'),
            ('cs_promised_date', '2026-02-30', '答复日期'),
            ('cs_deadline_days', float('nan'), '工作日'),
            ('cs_investigator_id', self.stranger.id, '调查人'),
            ('partner_id', partner.id, None),
            ('cs_accused_user_ids', [(6, 0, [self.stranger.id])], '被投诉'),
            ('cs_accused_user_ids', [(4, 987654321)], '被投诉'),
            ('cs_accused_user_ids', [(0, 0, {'name': 'x', 'login': 'x'})], '被投诉'),
            ('cs_kind', 'lawsuit', None),
        ]
        for name, value, label in attacks:
            with self.subTest(field=name):
                error = self._attack(self.manager, UserError, lambda t: t.write({name: value}), names=[name])
                if label:
                    self.assertIn(label, error.args[0])
