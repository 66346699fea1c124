// Welcome of the emulation and commendation workflow of Điện Biên province: Vietnamese only.
export default {
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  app: {
    name: 'Welcome',
    vendor: 'Thi đua – Khen thưởng Điện Biên'
  }
};
