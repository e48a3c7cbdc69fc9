// The proof-of-work widget (ALTCHA) on forms that need a proof: its own strings, in the page's language.
export const proof = {
  widget: {
    ariaLinkLabel: 'ALTCHA (situs resmi)',
    cancel: 'Batal',
    enterCode: 'Masukkan kode',
    enterCodeAria: 'Masukkan kode yang Anda dengar. Tekan Spasi untuk memutar suara.',
    enterCodeFromImage: 'Untuk melanjutkan, masukkan kode pada gambar di bawah.',
    error: 'Pemeriksaan gagal. Tanpa pemeriksaan, kirim formulir setelah waktu tunggu.',
    expired: 'Pemeriksaan kedaluwarsa. Muat ulang halaman.',
    footer: 'Pemeriksaan ALTCHA tanpa pelacakan',
    getAudioChallenge: 'Minta tantangan suara',
    label: 'Saya bukan robot',
    loading: 'Memuat…',
    reload: 'Muat ulang',
    verify: 'Periksa',
    verificationRequired: 'Pemeriksaan diperlukan.',
    verified: 'Lolos pemeriksaan',
    verifying: 'Memeriksa…',
    waitAlert: 'Sedang memeriksa, mohon tunggu.',
  },
};
