-- Shared catalogs: the list of catalogs (definitions, versions for synchronisation, II.16.1) and an
-- ordering index for keyset pagination; working calendar: where a day comes from and whether it is
-- provisional (computed from the Labour Code before the Prime Minister announces the year's schedule).

create table catalogs (
  code            text primary key check (code ~ '^[a-z][a-z0-9_]{1,39}$'),
  name            text not null,
  name_en         text not null,
  description     text not null default '',
  -- Official origin of the data (NSO catalogue, GSO decision, ISO standard…), shown with exports.
  source          text not null default '',
  -- Items of a hierarchical catalog carry parent_code = a code of this catalog (commune → province).
  parent_catalog  text references catalogs(code),
  -- Regular expression every item code must match (checked by the service on create).
  code_pattern    text,
  sort_order      integer not null default 0,
  -- Bumped on every change to an item, so a partner can tell whether its copy is current.
  version         integer not null default 1,
  updated_at      timestamptz not null default now()
);
comment on table catalogs is 'Definitions of the shared catalogs whose items live in catalog_items';

create index catalog_items_order on catalog_items (catalog, sort_order, code);
create index catalog_items_updated on catalog_items (catalog, updated_at);

insert into catalogs (code, name, name_en, description, source, parent_catalog, code_pattern, sort_order) values
 ('province', 'Tỉnh, thành phố trực thuộc trung ương', 'Provinces and centrally-run cities', 'Đơn vị hành chính cấp tỉnh từ ngày 01/7/2025 (34 đơn vị)', 'Danh mục đơn vị hành chính Việt Nam, Cục Thống kê (danhmuchanhchinh.nso.gov.vn)', null, '^[0-9]{2}$', 1),
 ('commune', 'Xã, phường, đặc khu', 'Communes, wards and special zones', 'Đơn vị hành chính cấp xã từ ngày 01/7/2025 (3.321 đơn vị); mã cha là mã tỉnh', 'Danh mục đơn vị hành chính Việt Nam, Cục Thống kê (danhmuchanhchinh.nso.gov.vn)', 'province', '^[0-9]{5}$', 2),
 ('legacy_province', 'Tỉnh, thành phố (trước 01/7/2025)', 'Provinces before 1 July 2025', '63 đơn vị hành chính cấp tỉnh trước sắp xếp; dùng để đọc địa chỉ trong hồ sơ cũ', 'Danh mục đơn vị hành chính, Tổng cục Thống kê, bản ngày 04/01/2025', null, '^[0-9]{2}$', 10),
 ('legacy_district', 'Quận, huyện, thị xã, thành phố thuộc tỉnh (trước 01/7/2025)', 'Districts before 1 July 2025', 'Cấp huyện đã kết thúc hoạt động từ ngày 01/7/2025; mã cha là mã tỉnh cũ', 'Danh mục đơn vị hành chính, Tổng cục Thống kê, bản ngày 04/01/2025', 'legacy_province', '^[0-9]{3}$', 11),
 ('legacy_commune', 'Xã, phường, thị trấn (trước 01/7/2025)', 'Communes before 1 July 2025', 'Mã cha là mã huyện cũ; extra.newCode (hoặc extra.newCodes) là mã xã mới sau sắp xếp', 'Danh mục đơn vị hành chính, Tổng cục Thống kê, bản ngày 04/01/2025; bảng chuyển đổi đơn vị hành chính 2025', 'legacy_district', '^[0-9]{5}$', 12),
 ('ethnic_group', 'Dân tộc', 'Ethnic groups', '54 dân tộc Việt Nam; extra.otherNames là các tên gọi khác', 'Danh mục các dân tộc Việt Nam, Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 của Tổng cục Thống kê', null, '^[0-9]{2}$', 20),
 ('nationality', 'Quốc tịch', 'Nationalities', 'Mã quốc gia ISO 3166-1 alpha-2, tên tiếng Việt; extra.nameEn, extra.alpha3, extra.numeric', 'ISO 3166-1 (mã quốc gia); tên tiếng Anh theo Unicode CLDR', null, '^[A-Z]{2}$', 21),
 ('id_document_type', 'Loại giấy tờ tùy thân', 'Identity document types', 'Loại giấy tờ dùng để xác định nhân thân người nộp hồ sơ', 'Tên giấy tờ theo Luật Căn cước 2023 và các thủ tục trên Cổng Dịch vụ công quốc gia; mã do hệ thống quy ước', null, '^[A-Z][A-Z0-9_]{1,19}$', 22),
 ('position', 'Chức vụ', 'Positions', 'Chức vụ của cán bộ, công chức trong cơ quan hành chính', 'Mã do hệ thống quy ước', null, '^[a-z][a-z0-9_]{1,39}$', 23);

-- ───────────────────────────── working calendar ─────────────────────────────
alter table calendar_days add column note text not null default '';
alter table calendar_days add column provisional boolean not null default false;
alter table calendar_days add column created_at timestamptz not null default now();
comment on column calendar_days.note is 'Legal basis or announcement the day comes from, e.g. Văn bản 8726/VPCP-KGVX ngày 26/11/2024';
comment on column calendar_days.provisional is 'Computed from the Labour Code; replace when the official schedule is announced';
create index calendar_days_agency on calendar_days (agency_id, day) where agency_id is not null;
