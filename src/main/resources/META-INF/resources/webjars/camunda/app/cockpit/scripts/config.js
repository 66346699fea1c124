// Cockpit of the emulation and commendation workflow of Điện Biên province: Vietnamese only.
export default {
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  // "Tra cứu hồ sơ" in the menu and "Hồ sơ kiểm tra" on a process instance (audit-plugin.js);
  // "Chuyển phiên bản" in the menu and on a process definition (migration-plugin.js).
  customScripts: ['scripts/audit-plugin.js', 'scripts/migration-plugin.js'],
  app: {
    name: 'Cockpit',
    vendor: 'Thi đua – Khen thưởng Điện Biên'
  }
};
