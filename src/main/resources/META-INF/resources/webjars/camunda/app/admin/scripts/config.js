// Admin of the emulation and commendation workflow of Điện Biên province: Vietnamese only.
export default {
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  app: {
    name: 'Admin',
    vendor: 'Thi đua – Khen thưởng Điện Biên'
  }
};
