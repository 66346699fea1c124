// Tasklist of the emulation and commendation workflow of Điện Biên province.
// Vietnamese is the only offered locale, so every official sees Vietnamese whatever the
// browser's language; add 'en' to availableLocales to let English browsers get English.
export default {
  locales: {
    availableLocales: ['vi'],
    fallbackLocale: 'vi'
  },
  // Vietnamese validation messages for Camunda Forms (see vi-form-messages.js); the "Thông báo" bell with the
  // unread count in the header (notifications-plugin.js).
  customScripts: ['scripts/vi-form-messages.js', 'scripts/notifications-plugin.js'],
  app: {
    name: 'Tasklist',
    vendor: 'Thi đua – Khen thưởng Điện Biên'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'nhận nhiệm vụ đang chọn'},
    focusFilter: {key: 'ctrl+shift+f', description: 'chuyển tới bộ lọc đầu tiên'},
    focusList: {key: 'ctrl+alt+l', description: 'chuyển tới nhiệm vụ đầu tiên trong danh sách'},
    focusForm: {key: 'ctrl+alt+f', description: 'chuyển tới ô nhập đầu tiên của biểu mẫu'},
    startProcess: {key: 'ctrl+alt+p', description: 'mở hộp thoại bắt đầu quy trình'}
  }
};
