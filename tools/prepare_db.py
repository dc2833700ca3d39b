"""Finishes a database for people to use: the language and time zone of the admin and the demo
users, the company as a Chinese company, and the report URL wkhtmltopdf fetches stylesheets from.

    .venv/bin/python tools/prepare_db.py -c .run/odoo.conf -d csm --lang zh_CN --report-url URL
"""
import argparse

import odoo


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('-c', '--config', required=True)
    parser.add_argument('-d', '--database', required=True)
    parser.add_argument('--lang', default='zh_CN')
    parser.add_argument('--tz', default='Asia/Shanghai')
    parser.add_argument('--report-url')
    parser.add_argument('--company-name', default='华信科技有限公司')
    parser.add_argument('--demo-users', action='store_true')
    parser.add_argument('--country', help='set the company country (before a chart of accounts is installed)')
    args = parser.parse_args()
    odoo.tools.config.parse_config(['-c', args.config, '-d', args.database])
    with odoo.api.Environment.manage():
        registry = odoo.registry(args.database)
        with registry.cursor() as cr:
            env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
            company = env.user.company_id
            if args.country:
                company.write({'name': args.company_name, 'country_id': env.ref('base.%s' % args.country).id})
                return
            if not env['res.lang'].search([('code', '=', args.lang)]):
                env['base.language.install'].create({'lang': args.lang}).lang_install()
            users = env.ref('base.user_root')
            if args.demo_users:
                users |= env['res.users'].search([('login', 'in', ('cs_agent', 'cs_quality', 'cs_manager'))])
            users.write({'lang': args.lang, 'tz': args.tz})
            if args.lang.startswith('zh') and env.ref('base.user_root').name == 'Administrator':
                # the author of every line the server writes: not an English name in a Chinese database
                env.ref('base.user_root').write({'name': '系统管理员'})
            company.partner_id.write({'lang': args.lang})
            if args.report_url:
                env['ir.config_parameter'].set_param('report.url', args.report_url)
                env['ir.config_parameter'].set_param('web.base.url', args.report_url)
                env['ir.config_parameter'].set_param('web.base.url.freeze', 'True')


if __name__ == '__main__':
    main()
