"""Steps of the lifecycle test that need the registry: ``create`` (a customer, a complaint and an invoice
as a user would make them, printed as JSON ids) and ``uninstall`` (the addon, as the Apps menu does).
``python lifecycle_runner.py -c CONF -d DB create|uninstall``"""
import argparse
import json

import odoo


def create(env):
    partner = env['res.partner'].create({'name': '升级测试客户', 'is_company': True, 'customer': True,
                                         'email': 'upgrade@example.com'})
    ticket = env['helpdesk.ticket'].create({'name': '升级测试投诉', 'partner_id': partner.id,
                                            'description': '<p>升级前登记</p>'})
    account = env['account.account'].search([('internal_type', '=', 'receivable')], limit=1)
    invoice = env['account.invoice'].create({'partner_id': partner.id, 'account_id': account.id,
                                             'type': 'out_invoice'})
    return {'res_partner': [partner.id], 'helpdesk_ticket': [ticket.id], 'account_invoice': [invoice.id]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('-c', '--config', required=True)
    parser.add_argument('-d', '--database', required=True)
    parser.add_argument('step', choices=['create', 'uninstall'])
    args = parser.parse_args()
    odoo.tools.config.parse_config(['-c', args.config, '-d', args.database, '--log-level=warn'])
    with odoo.api.Environment.manage():
        registry = odoo.registry(args.database)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            if args.step == 'create':
                print('IDS ' + json.dumps(create(env)), flush=True)
            else:
                env['ir.module.module'].search([('name', '=', 'customer_service_mgmt')]).button_immediate_uninstall()
                print('UNINSTALLED', flush=True)


if __name__ == '__main__':
    main()
