// Welcome of the emulation and commendation workflow of Điện Biên province: Vietnamese only.
export default {
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  app: {
    name: 'Welcome',
    vendor: 'Thi đua – Khen thưởng Điện Biên'
  },
  // Replaces Camunda's documentation link: where auditors, the Fatherland Front and the Board read any case.
  links: [
    {
      label: 'Tra cứu, kiểm tra hồ sơ',
      href: '/audit/',
      description: 'Tìm mọi hồ sơ, kể cả hồ sơ đã kết thúc; xem toàn bộ diễn biến trên sơ đồ quy trình, '
        + 'kiểm tra niêm phong và tải bản PDF, JSON.'
    }
  ]
};
