import type { EformDefinition } from '../../domain/eform.ts';

/**
 * The form every procedure has until an editor defines its own: who applies (prefilled from the
 * account, III.1.1), what they ask for, and the declaration.
 */
export function defaultEform(procedureName: string): EformDefinition {
  return {
    title: `Tờ khai: ${procedureName}`,
    sections: [
      {
        title: 'Thông tin người nộp hồ sơ',
        fields: [
          {
            key: 'hoTen',
            type: 'text',
            label: 'Họ và tên',
            required: true,
            prefill: 'fullName',
            help: 'Ghi đúng như trên giấy tờ tùy thân',
          },
          {
            key: 'ngaySinh',
            type: 'date',
            label: 'Ngày sinh',
            notFuture: true,
            prefill: 'birthDate',
            help: 'Dạng DD/MM/YYYY',
          },
          {
            key: 'soDinhDanh',
            type: 'id_number',
            label: 'Số định danh cá nhân (CCCD)',
            required: true,
            prefill: 'idNumber',
            help: '12 chữ số trên thẻ căn cước',
          },
          {
            key: 'dienThoai',
            type: 'phone',
            label: 'Số điện thoại',
            required: true,
            prefill: 'phone',
            help: 'Để nhận thông báo và tra cứu hồ sơ, ví dụ 0912345678',
          },
          {
            key: 'email',
            type: 'email',
            label: 'Thư điện tử',
            prefill: 'email',
            help: 'Không bắt buộc; để nhận thông báo qua thư điện tử',
          },
          {
            key: 'tinh',
            type: 'catalog',
            catalog: 'province',
            label: 'Tỉnh, thành phố',
            required: true,
            prefill: 'provinceCode',
            help: 'Nơi cư trú hiện tại',
          },
          {
            key: 'xa',
            type: 'catalog',
            catalog: 'commune',
            parentField: 'tinh',
            label: 'Xã, phường',
            required: true,
            prefill: 'communeCode',
            help: 'Thuộc tỉnh, thành phố đã chọn',
          },
          {
            key: 'diaChi',
            type: 'text',
            label: 'Số nhà, đường, thôn, xóm',
            required: true,
            prefill: 'address',
            maxLength: 300,
            help: 'Địa chỉ chi tiết để liên hệ',
          },
        ],
      },
      {
        title: 'Nội dung đề nghị',
        fields: [
          {
            key: 'noiDung',
            type: 'textarea',
            label: 'Nội dung đề nghị',
            required: true,
            maxLength: 2000,
            help: 'Ghi rõ yêu cầu giải quyết',
          },
          {
            key: 'camDoan',
            type: 'checkbox',
            label: 'Tôi xin cam đoan những thông tin khai trên là đúng sự thật',
            required: true,
            help: 'Người khai chịu trách nhiệm trước pháp luật về nội dung đã khai',
          },
        ],
      },
    ],
  };
}
