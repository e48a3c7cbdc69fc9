// Messages of accounts (Bahasa Indonesia); messages.en.ts must have the same keys. One namespace per page ("signup",
// "verify", "login", "totp", "forgot", "reset", "account"), older than the folder's name and kept so no key changes.
export const signup = {
  title: 'Daftar akun',
  lead: 'Dengan akun Anda dapat mengajukan paspor untuk diri sendiri dan keluarga, lalu mengikuti prosesnya.',
  nameHint: 'Sesuai e-KTP.',
  passwordHint: 'Minimal 10 karakter. Kalimat pendek mudah diingat dan sulit ditebak.',
  submit: 'Daftar',
  haveAccount: 'Sudah punya akun?',
  sentTitle: 'Periksa email Anda',
  sent: 'Kami mengirim tautan verifikasi ke {{email}}. Buka tautan itu untuk mengaktifkan akun Anda. Tautan berlaku 3 hari.',
};

export const verify = {
  title: 'Email terverifikasi',
  done: 'Terima kasih. Akun Anda sudah aktif dan Anda dapat masuk.',
};

export const login = {
  title: 'Masuk',
  submit: 'Masuk',
  forgot: 'Lupa kata sandi?',
  ended:
    'Sesi Anda sudah berakhir (sesi petugas berakhir setelah {{minutes}} menit tanpa kegiatan). Silakan masuk lagi.',
  proof: {
    legend: 'Pemeriksaan keamanan',
    lead: 'Ada banyak percobaan masuk yang gagal untuk alamat ini, jadi formulir ini diperiksa dulu. Dengan JavaScript, pemeriksaan berjalan sendiri di perangkat Anda.',
    noScript:
      'JavaScript tidak aktif: kirim formulir ini paling cepat pukul {{time}} WITA ({{seconds}} detik setelah halaman dibuka).',
    required: 'Untuk melindungi akun ini, tunggu pemeriksaan di bawah selesai, lalu kirim lagi.',
    invalid: 'Formulir ini tidak sah. Isi lagi formulir di bawah.',
    expired: 'Formulir ini sudah terlalu lama terbuka. Isi lagi formulir di bawah.',
    tooFast: 'Formulir dikirim terlalu cepat. Tunggu sampai waktu yang tertulis, lalu kirim lagi.',
    busy: 'Baru saja ada percobaan masuk ke alamat ini tanpa pemeriksaan. Tunggu beberapa detik, lalu kirim lagi.',
    used: 'Formulir ini sudah pernah dikirim. Isi lagi formulir di bawah.',
  },
};

export const totp = {
  challengeTitle: 'Verifikasi dua langkah',
  challengeLead: 'Masukkan kode 6 angka dari aplikasi autentikator Anda.',
  verify: 'Verifikasi',
  setupTitle: 'Aktifkan verifikasi dua langkah',
  requiredForOfficers: 'Setiap petugas wajib memakai verifikasi dua langkah sebelum dapat bekerja.',
  step1: 'Pasang aplikasi autentikator (misalnya FreeOTP, Aegis, atau Google Authenticator) di ponsel Anda.',
  step2: 'Pindai kode QR ini dengan aplikasi tersebut.',
  step3: 'Masukkan kode 6 angka yang muncul di aplikasi.',
  manual: 'Tidak bisa memindai? Ketik kunci ini:',
  qrAlt: 'Kode QR untuk aplikasi autentikator',
  enable: 'Aktifkan',
};

export const forgot = {
  title: 'Lupa kata sandi',
  lead: 'Masukkan alamat email akun Anda. Kami akan mengirim tautan untuk membuat kata sandi baru.',
  submit: 'Kirim tautan',
  sentTitle: 'Periksa email Anda',
  sent: 'Jika alamat itu terdaftar, tautan untuk membuat kata sandi baru sudah kami kirim. Tautan berlaku 1 jam.',
};

export const reset = {
  title: 'Buat kata sandi baru',
  submit: 'Simpan kata sandi',
  doneTitle: 'Kata sandi diganti',
  done: 'Kata sandi baru sudah disimpan. Semua sesi lama telah dikeluarkan.',
};

export const account = {
  title: 'Akun saya',
  totpTitle: 'Verifikasi dua langkah',
  totpOn: 'Aktif.',
  totpOff: 'Belum aktif.',
  totpSetup: 'Aktifkan sekarang',
  tokensTitle: 'Token API',
  tokensLead: 'Token untuk aplikasi yang memakai API Sikoe atas nama Anda. Cabut token yang tidak dipakai lagi.',
  tokenCreated: 'Token baru dibuat. Salin sekarang: token ini hanya ditampilkan sekali.',
  tokenPrefix: 'Awalan',
  tokenCreatedAt: 'Dibuat',
  tokenLastUsed: 'Terakhir dipakai',
  tokenRevoked: 'Dicabut',
  tokenNameHint: 'Untuk apa token ini, misalnya "aplikasi loket".',
  revoke: 'Cabut',
  createToken: 'Buat token',
  tokenExpires: 'Berlaku sampai',
  tokenExpired: 'Kedaluwarsa',
  tokenLifetime: 'Token baru berlaku {{days}} hari.',
  sessionsTitle: 'Perangkat yang sedang masuk',
  sessionsLead: 'Akhiri sesi di perangkat yang tidak Anda kenal atau tidak Anda pakai lagi.',
  sessionDevice: 'Perangkat',
  sessionSince: 'Masuk sejak',
  sessionLastSeen: 'Terakhir aktif',
  sessionIp: 'Alamat IP',
  sessionThis: 'Perangkat ini',
  sessionEnd: 'Akhiri sesi',
  sessionEnded: 'Sesi di perangkat itu sudah diakhiri.',
  unknownDevice: 'Tidak diketahui',
  everywhereTitle: 'Keluar dari semua perangkat',
  everywhereLead:
    'Mengakhiri semua sesi, termasuk yang ini, dan mencabut semua token API. Pakai ini bila kata sandi atau ponsel Anda mungkin diketahui orang lain.',
  everywhere: 'Keluar dari semua perangkat',
  // The mails accounts/mails.ts writes, the officer's welcome among them.
  mail: {
    verify: {
      subject: 'Verifikasi email akun Sikoe Anda',
      body: 'Halo {{name}},\n\nBuka tautan ini untuk mengaktifkan akun Sikoe Anda (berlaku 3 hari):\n{{link}}\n\nJika Anda tidak mendaftar, abaikan email ini.',
    },
    exists: {
      subject: 'Akun Sikoe Anda',
      body: 'Seseorang mencoba mendaftar dengan alamat email ini, padahal alamat ini sudah punya akun Sikoe.\n\nMasuk: {{login}}\nLupa kata sandi: {{reset}}\n\nJika itu bukan Anda, abaikan email ini.',
    },
    reset: {
      subject: 'Buat kata sandi baru Sikoe',
      body: 'Buka tautan ini untuk membuat kata sandi baru (berlaku 1 jam):\n{{link}}\n\nJika Anda tidak memintanya, abaikan email ini; kata sandi Anda tidak berubah.',
    },
    officer: {
      subject: 'Akun petugas Sikoe Anda',
      body: 'Halo {{name}},\n\nAkun petugas Sikoe Anda sudah dibuat. Masuk di {{login}} dengan kata sandi awal dari admin Anda, lalu aktifkan verifikasi dua langkah.',
    },
  },
};
