from odoo.exceptions import AccessError, UserError, ValidationError

from .complaint_common import ComplaintAttackCase


class TestComplaintReferral(ComplaintAttackCase):
    """商品问题 / 其他部门: a tracked request to the department, answered before the complaint closes."""

    @classmethod
    def setUpClass(cls):
        super(TestComplaintReferral, cls).setUpClass()
        cls.product_dept = cls._user('product_dept', 'base.group_user')
        cls.group_cs = cls._user('group_cs', 'base.group_user')
        cls.company.write({'cs_product_dept_user_id': cls.product_dept.id, 'cs_group_cs_user_id': cls.group_cs.id})

    def _found(self, finding):
        ticket = self._ticket(user_id=self.agent.id)
        self._complete(ticket)
        ticket.write({'cs_finding': finding})
        return ticket

    def test_product_problem_goes_to_product_department(self):
        """A product problem closes only after the product department answered the request."""
        ticket = self._found('product')
        with self.assertRaisesRegex(ValidationError, '商品|产品'), self.env.cr.savepoint():
            ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        ticket.sudo(self.agent).action_cs_refer('请核查该批次包装破损原因')
        referral = ticket.cs_referral_ids
        self.assertEqual((referral.department, referral.recipient_id), ('product', self.product_dept))
        self.assertTrue(ticket.activity_ids.filtered(lambda a: a.user_id == self.product_dept))
        with self.assertRaisesRegex(ValidationError, '答复'), self.env.cr.savepoint():
            ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        referral.sudo(self.product_dept).action_cs_answer('已更换供应商包装')
        self.assertEqual(referral.answered_by, self.product_dept)
        ticket.sudo(self.agent).write({'stage_id': self.stage_done.id})
        self.assertTrue(ticket.cs_closed_date)

    def test_other_department_goes_to_group_centre(self):
        """An other-unit problem goes to the group customer-service centre."""
        ticket = self._found('other_department')
        ticket.sudo(self.agent).action_cs_refer('请协调物流公司')
        self.assertEqual(ticket.cs_referral_ids.recipient_id, self.group_cs)

    def test_answer_by_other_user_refused(self):
        """Only the recipient answers, once; the answer is not written by write()."""
        ticket = self._found('product')
        ticket.sudo(self.agent).action_cs_refer('请核查')
        referral = ticket.cs_referral_ids
        names = ['answer', 'answered_date', 'answered_by']
        for user in (self.agent, self.manager, self.group_cs):
            self._attack(user, AccessError, lambda r: r.action_cs_answer('已处理'), record=referral, names=names)
        self._attack(self.product_dept, AccessError, lambda r: r.write({'answer': '已处理'}), record=referral,
                     names=names)
        self._attack(self.product_dept, UserError, lambda r: r.action_cs_answer(' '), record=referral, names=names)
        referral.sudo(self.product_dept).action_cs_answer('已处理')
        self._attack(self.product_dept, UserError, lambda r: r.action_cs_answer('再答'), record=referral, names=names)

    def test_refer_refused_without_finding_or_by_accused(self):
        """No request for an internal finding, nor by the accused, nor empty; nothing written."""
        ticket = self._found('mistake')
        self._attack(self.agent, UserError, lambda t: t.action_cs_refer('请核查'), record=ticket,
                     names=['cs_referral_ids'])
        self.ticket.write({'cs_finding': 'product'})
        self._attack(self.accused, AccessError, lambda t: t.action_cs_refer('请核查'), names=['cs_referral_ids'])
        self._attack(self.agent, UserError, lambda t: t.action_cs_refer(''), names=['cs_referral_ids'])
        with self.assertRaises(AccessError), self.env.cr.savepoint():
            self.env['cs.ticket.referral'].sudo(self.agent).create({
                'ticket_id': self.ticket.id, 'department': 'product', 'recipient_id': self.agent.id,
                'request': '伪造'})
