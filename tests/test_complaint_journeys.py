import json

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError

from .complaint_common import ComplaintCase
from .common_followup import answer_referral


def _top_level_fields(arch):
    """The field nodes of the form itself, not those of a one2many's own list."""
    return [node for node in arch.iter('field')
            if not any(parent.tag == 'field' for parent in node.iterancestors())]


class WebForm(object):
    """What the 11.0 web client does with a form: default_get and onchange to fill a new record, and on
    save every field of the form that is not read-only (in the model or by a static ``readonly="1"``),
    invisible ones included."""

    def __init__(self, model, context=None):
        self.model = model.with_context(**(context or {}))
        self.view = self.model.fields_view_get(view_type='form')
        self.fields = self.view['fields']
        self.nodes = _top_level_fields(etree.fromstring(self.view['arch']))
        self.names = list(dict.fromkeys(node.get('name') for node in self.nodes))
        self.spec = self.model._onchange_spec(view_info=self.view)
        self.values = {name: False for name in self.names}
        self.values.update(self.model.default_get(self.names))
        self._onchange(self.names)

    def _onchange(self, names):
        result = self.model.onchange(self.values, names, self.spec)
        for name, value in result.get('value', {}).items():
            if isinstance(value, (list, tuple)) and self.fields.get(name, {}).get('type') == 'many2one':
                value = value[0] if value else False
            self.values[name] = value

    def set(self, name, value):
        self.values[name] = value
        if self.spec.get(name):
            self._onchange(name)

    def _editable(self, name):
        if self.fields[name].get('readonly'):
            return False
        for node in self.nodes:
            if node.get('name') == name and json.loads(node.get('modifiers') or '{}').get('readonly') is True:
                return False
        return True

    def save_values(self):
        vals = {}
        for name in self.names:
            if not self._editable(name):
                continue
            value, kind = self.values.get(name), self.fields[name]['type']
            if kind == 'many2many':
                value = [(6, False, value or [])] if not value or isinstance(value[0], int) else value
            elif kind == 'one2many':
                value = value or []
            vals[name] = value
        return vals


class TestComplaintJourneys(ComplaintCase):
    """The two journeys of issue 9, server side, with exactly what the web client sends."""

    @classmethod
    def setUpClass(cls):
        super(TestComplaintJourneys, cls).setUpClass()
        cls.accused = cls._user('accused', 'customer_service_mgmt.group_cs_agent')
        cls.agent.cs_manager_id = cls.manager
        cls.action_context = {'default_cs_kind': 'complaint'}  # the Complaints menu

    def _register(self, user):
        form = WebForm(self.Ticket.sudo(user), self.action_context)
        form.set('name', '电话投诉：安装人员迟到')
        form.set('partner_id', self.customer.id)
        form.set('user_id', user.id)
        form.set('description', '<p>客户称安装人员迟到两小时</p>')
        vals = form.save_values()
        self.assertIn('closed', form.names)  # the form carries the stage's flag (invisible) ...
        self.assertNotIn('closed', vals)  # ... which the model declares read-only, so it is not sent
        return self.Ticket.sudo(user).create(vals)

    def test_agent_and_quality_register_from_the_form(self):
        """An agent and a quality supervisor save a new complaint from the form, then edit it as its handler."""
        for user in (self.agent, self.quality):
            ticket = self._register(user)
            self.assertEqual((ticket.cs_kind, ticket.cs_first_responder_id, ticket.user_id), ('complaint', user, user))
            self.assertEqual(ticket.cs_deadline_days, 3)
            # a later save sends the changed fields; the new action line comes as the web client writes it
            ticket.write({'cs_investigation': '核实为排班失误', 'cs_action_ids': [(0, 'virtual_7', {
                'sequence': 10, 'kind': 'corrective', 'name': '调整排班', 'user_id': user.id,
                'date_deadline': fields.Date.context_today(ticket), 'done': False})]})
            ticket.write({'cs_action_ids': [(1, ticket.cs_action_ids.id, {'done': True})],
                          'cs_finding': 'product', 'cs_reply': '已致歉', 'cs_customer_opinion': 'satisfied'})
            self.assertTrue(ticket.cs_action_ids.done_date)
            answer_referral(ticket)
            ticket.write({'stage_id': self.stage_done.id})
            self.assertTrue(ticket.sudo().cs_closed_date)

    def test_duplicate_is_a_new_registration(self):
        """Duplicating a closed ticket from the form registers a new one by the copier, without the stamps."""
        original = self._ticket(user_id=self.agent.id, cs_registered_date='2020-03-02 01:00:00')
        self._complete(original)
        original.write({'stage_id': self.stage_done.id})
        copy = original.sudo(self.quality).copy().sudo()
        self.assertNotEqual(copy.number, original.number)
        self.assertEqual(copy.cs_first_responder_id, self.quality)
        self.assertGreater(copy.cs_registered_date, '2025-01-01')
        self.assertFalse(copy.closed_date or copy.cs_closed_date or copy.stage_id.closed or copy.user_id)
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            original.sudo(self.quality).copy({'cs_registered_date': '2020-01-01 00:00:00'})

    def test_handler_closes_with_a_personal_finding(self):
        """The handler closes a complaint found 违规失职 / 一般失误: the fines exist, the chatter shows none."""
        for finding in ('violation', 'mistake'):
            ticket = self._register(self.agent)
            ticket.sudo().write({'cs_accused_user_ids': [(6, 0, self.accused.ids)]})
            ticket.write({'cs_finding': finding, 'cs_reply': '已致歉并整改', 'cs_customer_opinion': 'satisfied'})
            ticket.write({'stage_id': self.stage_done.id})  # the kanban's drag or the statusbar's click
            fines = self.env['cs.reward.penalty'].sudo(self.manager).search([('ticket_id', '=', ticket.id)])
            self.assertEqual(len(fines), 2, finding)
            chatter = ' '.join(ticket.sudo().message_ids.mapped(lambda m: (m.body or '') + (m.subject or '')))
            self.assertNotIn('罚款建议', chatter)
            for amount in fines.mapped('amount'):
                self.assertNotIn('%.2f' % amount, chatter)
            activity = ticket.sudo().activity_ids.filtered(lambda a: a.user_id == self.manager)
            self.assertEqual(activity.summary, '确认罚款建议')
            self.assertFalse(any('%.2f' % amount in (activity.note or '') for amount in fines.mapped('amount')))

    def test_related_fields_of_the_forms_are_read_only(self):
        """Every related field the addon's forms show (even invisibly) is read-only: no write-through."""
        views = self.env['ir.model.data'].search([
            ('module', '=', 'customer_service_mgmt'), ('model', '=', 'ir.ui.view')])
        models = set(self.env['ir.ui.view'].browse(views.mapped('res_id')).filtered(
            lambda v: v.type == 'form').mapped('model'))
        self.assertIn('helpdesk.ticket', models)
        for model in sorted(models):
            for user in (self.agent, self.manager, self.gm):
                view = self.env[model].sudo(user).fields_view_get(view_type='form')
                self._check_related(self.env[model], view, '%s/%s' % (model, user.login))

    def _check_related(self, model, view, where):
        for node in _top_level_fields(etree.fromstring(view['arch'])):
            name = node.get('name')
            field, info = model._fields[name], view['fields'][name]
            static = json.loads(node.get('modifiers') or '{}').get('readonly') is True
            if field.related:
                self.assertTrue(info.get('readonly') or static, '%s: related %s is writable' % (where, name))
            for sub in (info.get('views') or {}).values():
                self._check_related(self.env[field.comodel_name], sub, '%s.%s' % (where, name))

    def test_related_fields_declared_by_the_addon_are_read_only(self):
        """Every related field the addon declares on any model is read-only (the fields a user inherits from
        its partner write to the partner by design, where the partner's own guard applies)."""
        data = self.env['ir.model.data'].search([
            ('module', '=', 'customer_service_mgmt'), ('model', '=', 'ir.model.fields')])
        for field in self.env['ir.model.fields'].browse(data.mapped('res_id')).filtered('related'):
            declared = self.env[field.model]._fields[field.name]
            if not declared.inherited:
                self.assertTrue(declared.readonly, '%s.%s' % (field.model, field.name))
        for name in ('closed', 'unattended', 'user_ids'):
            self.assertTrue(self.Ticket._fields[name].readonly, name)

    def test_registration_form_checks_the_reader(self):
        """The registration form's URL called directly by a user who may not read the ticket: access error."""
        ticket = self._ticket(user_id=self.agent.id)
        own_only = self.env['res.users'].with_context(no_reset_password=True).create({
            'name': 'own tickets only', 'login': 'cs_test_own_only', 'lang': 'zh_CN',
            'groups_id': [(6, 0, [self.env.ref('base.group_user').id,
                                  self.env.ref('helpdesk_mgmt.group_helpdesk_user_own').id])]})
        report = self.env.ref('customer_service_mgmt.helpdesk_ticket_cs_registration_report')
        with self.assertRaises(AccessError):
            report.sudo(own_only).render_qweb_html(ticket.ids)
        html = report.sudo(self.agent).render_qweb_html(ticket.ids)[0]
        self.assertIn(ticket.number, html.decode('utf-8') if isinstance(html, bytes) else html)
