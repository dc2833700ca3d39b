import datetime
import logging

import lunardate

from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from ..policy import visits as visit_policy

_logger = logging.getLogger(__name__)

KINDS = [
    ('birthday', 'Contact birthday'),
    ('holiday', 'Holiday'),
    ('new_year', 'New Year gift and needs survey'),
]


class CsCareOccasion(models.Model):
    """An occasion of customer care 客户关怀 (POLICY §3, seed 001 客情关系): contacts' birthdays,
    holidays with a date per year (Spring Festival, Mid-Autumn...), the New Year gift with the survey of
    next year's needs in December. Each creates a care visit for the responsible salesperson."""
    _name = 'cs.care.occasion'
    _description = 'Customer Care Occasion'
    _order = 'sequence, id'

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one('res.company', required=True, default=lambda self: self.env.user.company_id)
    kind = fields.Selection(KINDS, required=True, default='holiday')
    month = fields.Integer(help='Month of a fixed-date occasion, used when no date is given for the year.')
    day = fields.Integer(help='Day of a fixed-date occasion.')
    lunar_month = fields.Integer(string='Lunar month', help='Month of the Chinese lunar calendar (1-12) of a '
                                 'holiday such as the Spring Festival (1/1), Dragon Boat (5/5), Mid-Autumn (8/15).')
    lunar_day = fields.Integer(string='Lunar day', help='Day of the lunar month (1-30).')
    date_ids = fields.One2many('cs.care.occasion.date', 'occasion_id', string='Dates per year',
                               help='Occasions of the lunar calendar fall on another day every year.')
    lead_days = fields.Integer(string='Plan (days ahead)', default=7,
                               help='The care visit is planned this many days before the occasion.')
    tier_ids = fields.Many2many('cs.tier', string='Customer tiers',
                                help='Customers of these tiers are greeted; empty: every tier.')
    method = fields.Selection(selection=[
        ('phone', 'Phone'), ('sms', 'SMS'), ('email', 'Email'), ('onsite', 'On-site')],
        required=True, default='phone')
    mail_template_id = fields.Many2one(
        'mail.template', string='Greeting mail', domain=[('model', '=', 'cs.visit')],
        help='When set, the greeting is mailed to the contact as the care visit is planned.')

    @api.constrains('kind', 'month', 'day', 'lead_days')
    def _check_date(self):
        for occasion in self:
            if occasion.lead_days < 0:
                raise ValidationError(_('The lead time of occasion "%s" cannot be negative.') % occasion.name)
            if occasion.kind != 'birthday' and (occasion.month or occasion.day):
                try:
                    datetime.date(2000, occasion.month, occasion.day)
                except ValueError:
                    raise ValidationError(_('Occasion "%s": %s/%s is not a day of the year.')
                                          % (occasion.name, occasion.month, occasion.day))

    @api.constrains('lunar_month', 'lunar_day')
    def _check_lunar_date(self):
        for occasion in self:
            if (occasion.lunar_month or occasion.lunar_day) and not (
                    1 <= occasion.lunar_month <= 12 and 1 <= occasion.lunar_day <= 30):
                raise ValidationError(_('Occasion "%s": lunar %s/%s is not a day of the lunar calendar.')
                                      % (occasion.name, occasion.lunar_month, occasion.lunar_day))

    @api.multi
    def _cs_date_in(self, year):
        """The occasion's date in a year: the date given for the year (a correction), else the lunar date
        converted by the calendar, else the fixed month and day."""
        self.ensure_one()
        line = self.date_ids.filtered(lambda d: d.year == year)[:1]
        if line:
            return fields.Date.from_string(line.date)
        if self.lunar_month and self.lunar_day:
            return self._cs_lunar_to_solar(year, self.lunar_month, self.lunar_day)
        if self.month and self.day:
            return visit_policy.occurrence(year, self.month, self.day)
        return None

    @api.model
    def _cs_lunar_to_solar(self, year, month, day):
        """The Gregorian date of lunar ``month``/``day`` of lunar ``year`` (the 30th of a short month falls
        on its 29th); None outside the converter's range (1900-2099), logged."""
        for lunar_day in (day, day - 1) if day == 30 else (day,):
            try:
                return lunardate.LunarDate(year, month, lunar_day).to_solar_date()
            except ValueError:
                continue
        _logger.warning('care occasion: no solar date for lunar %s/%s of %s', month, day, year)
        return None

    @api.multi
    def _cs_plan(self, today):
        """Care visits for this occasion falling within [today, today + lead days]."""
        self.ensure_one()
        if self.kind == 'birthday':
            return self._cs_plan_birthdays(today)
        visits = self.env['cs.visit']
        for year in (today.year, today.year + 1):
            date = self._cs_date_in(year)
            if date and today <= date <= today + datetime.timedelta(days=self.lead_days):
                domain = [('cs_is_commercial', '=', True), ('customer', '=', True),
                          ('company_id', 'in', [False, self.company_id.id])]
                if self.tier_ids:
                    domain.append(('cs_tier_id', 'in', self.tier_ids.ids))
                visits |= self._cs_create_care(self.env['res.partner'].search(domain), year, date)
        return visits

    @api.multi
    def _cs_plan_birthdays(self, today):
        end = today + datetime.timedelta(days=self.lead_days)
        days = []
        day = today
        while day <= end:
            days.append(day)
            day += datetime.timedelta(days=1)
        # (month, day) of birthdates falling within the window, 29 February on the 28th in common years
        keys = {(d.month, d.day): d for d in days}
        for d in days:
            if d.month == 2 and d.day == 28 and visit_policy.occurrence(d.year, 2, 29) == d:
                keys[(2, 29)] = d
        self.env.cr.execute("""
            SELECT id, EXTRACT(MONTH FROM birthdate_date)::int, EXTRACT(DAY FROM birthdate_date)::int
              FROM res_partner
             WHERE active AND birthdate_date IS NOT NULL
               AND (EXTRACT(MONTH FROM birthdate_date)::int, EXTRACT(DAY FROM birthdate_date)::int)
                   IN %s
        """, (tuple(keys),))
        visits = self.env['cs.visit']
        for pid, month, mday in self.env.cr.fetchall():
            date = keys[(month, mday)]
            contact = self.env['res.partner'].browse(pid)
            commercial = contact.commercial_partner_id
            if not commercial.customer or (self.tier_ids and commercial.cs_tier_id not in self.tier_ids):
                continue
            visits |= self._cs_create_care(contact, date.year, date)
        return visits

    @api.multi
    def _cs_create_care(self, contacts, year, date):
        """One care visit per contact for this occasion and year (those already greeted are skipped)."""
        self.ensure_one()
        Visit = self.env['cs.visit'].sudo()
        greeted = set(Visit.search([('care_occasion_id', '=', self.id), ('care_year', '=', year),
                                    ('contact_id', 'in', contacts.ids)]).mapped('contact_id').ids)
        policy = self.env['cs.visit.policy']._cs_for_company(self.company_id)
        visits = Visit.browse()
        name = self.with_context(lang=self.company_id.partner_id.lang or 'en_US').name
        for contact in contacts.filtered(lambda c: c.id not in greeted
                                         and Visit._cs_plannable(c.commercial_partner_id)):
            commercial = contact.commercial_partner_id
            visit = Visit.create({
                'name': '%s %s' % (name, year),
                'partner_id': commercial.id,
                'contact_id': contact.id,
                'company_id': self.company_id.id,
                'origin': 'care',
                'care_occasion_id': self.id,
                'care_year': year,
                'planned_date': fields.Date.to_string(date),
                'user_id': (contact.user_id or commercial.user_id or policy.account_rep_user_id).id,
                'method': self.method,
                'remind_days': min(self.lead_days, 3),
                'check_needs': self.kind == 'new_year',
            })
            if self.mail_template_id and contact.email:
                self.mail_template_id.send_mail(visit.id)
            visits |= visit
        return visits
