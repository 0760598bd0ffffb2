import type { MailTemplate } from '../../jobs/outbox.ts';
import type { MailMessage } from './mailer.ts';

/** The texts of every e-mail we send, in Vietnamese with an English line for foreigners. */
export function renderMail(to: string, template: MailTemplate, vars: Record<string, string>): MailMessage {
  const name = vars.name ?? '';
  switch (template) {
    case 'verify_email':
      return {
        to,
        subject: 'Xác nhận địa chỉ thư điện tử — Cổng Dịch vụ công',
        text: `Kính gửi ${name},\n\nCảm ơn bạn đã đăng ký tài khoản trên Cổng Dịch vụ công. Vui lòng mở đường dẫn sau trong vòng 24 giờ để kích hoạt tài khoản:\n\n${vars.link ?? ''}\n\nNếu bạn không đăng ký, xin bỏ qua thư này.\n\n(English) Please open the link above within 24 hours to activate your account.`,
      };
    case 'reset_password':
      return {
        to,
        subject: 'Đặt lại mật khẩu — Cổng Dịch vụ công',
        text: `Kính gửi ${name},\n\nChúng tôi nhận được yêu cầu đặt lại mật khẩu cho tài khoản của bạn. Mở đường dẫn sau trong vòng 1 giờ để đặt mật khẩu mới:\n\n${vars.link ?? ''}\n\nNếu bạn không yêu cầu, xin bỏ qua thư này; mật khẩu của bạn không thay đổi.\n\n(English) Open the link above within 1 hour to choose a new password.`,
      };
    case 'account_activated':
      return {
        to,
        subject: 'Tài khoản đã được kích hoạt — Cổng Dịch vụ công',
        text: `Kính gửi ${name},\n\nTài khoản ${vars.username ?? ''} của bạn đã được kích hoạt. Bạn có thể đăng nhập tại ${vars.link ?? ''}.\n\n(English) Your account has been activated.`,
      };
  }
}
