"""11.0.1.1.0: lunar holidays are computed from the lunar calendar (lunardate), no longer read from a table
of dates that ended in 2030. The occasions are noupdate records: give them their lunar date here."""
LUNAR = {
    'cs_care_occasion_spring_festival': (1, 1),
    'cs_care_occasion_mid_autumn': (8, 15),
}


def migrate(cr, version):
    if not version:
        return
    for xmlid, (month, day) in LUNAR.items():
        cr.execute("""
            UPDATE cs_care_occasion o SET lunar_month = %s, lunar_day = %s
              FROM ir_model_data d
             WHERE d.module = 'customer_service_mgmt' AND d.name = %s AND d.model = 'cs.care.occasion'
               AND d.res_id = o.id AND COALESCE(o.lunar_month, 0) = 0""", (month, day, xmlid))
