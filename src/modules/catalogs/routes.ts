import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, csrfGuard } from '../../http/plugins/auth.ts';
import type { Services } from '../../services.ts';
import {
  CatalogExport,
  CatalogItemView,
  CatalogParam,
  CatalogSummary,
  CreateItem,
  ExportQuery,
  ItemPage,
  ItemParams,
  ListItemsQuery,
  UpdateItem,
} from './schema.ts';
import { catalogExportToXml } from './xml.ts';

const tags = ['Danh mục dùng chung / Shared catalogs'];

/** Public reading of the shared catalogs, export for synchronisation, and administration (II.16). */
export function catalogRoutes(services: Services): FastifyPluginAsyncZod {
  return async (app) => {
    const { catalogs } = services;

    app.get(
      '/api/catalogs',
      {
        schema: {
          tags,
          summary: 'Các danh mục dùng chung và số mục / Catalogs with item counts',
          response: { 200: z.object({ items: z.array(CatalogSummary) }) },
        },
      },
      async () => ({ items: await catalogs.listCatalogs() }),
    );

    app.get(
      '/api/catalogs/:catalog',
      {
        schema: {
          tags,
          summary:
            'Tra cứu mục của một danh mục (tìm không dấu, phân trang theo con trỏ) / Items of a catalog',
          params: CatalogParam,
          querystring: ListItemsQuery,
          response: { 200: ItemPage },
        },
      },
      async (req) => catalogs.listItems(req.params.catalog, req.query),
    );

    app.get(
      '/api/catalogs/:catalog/export',
      {
        schema: {
          tags,
          summary:
            'Kết xuất toàn bộ danh mục (JSON, hoặc XML khi Accept: application/xml hay format=xml) để đồng bộ / Export for synchronisation',
          params: CatalogParam,
          querystring: ExportQuery,
          response: { 200: CatalogExport, 304: z.null().describe('Bản của bên nhận vẫn là bản mới nhất') },
        },
      },
      async (req, reply) => {
        const accept = req.headers.accept ?? '';
        const xml =
          req.query.format === 'xml' ||
          (req.query.format === undefined &&
            /\b(application|text)\/xml\b/.test(accept) &&
            !/application\/json/.test(accept));
        const meta = await catalogs.getCatalog(req.params.catalog);
        // The version changes with every item change: a partner holding this tag has the current copy.
        const etag = `"${meta.code}-v${meta.version}-${xml ? 'xml' : 'json'}${req.query.updatedSince ? `-${Date.parse(req.query.updatedSince)}` : ''}"`;
        void reply.header('etag', etag).header('vary', 'accept');
        if (req.headers['if-none-match'] === etag) return reply.code(304).send(null);
        const data = await catalogs.exportCatalog(req.params.catalog, req.query.updatedSince);
        // A string with a non-JSON content type is sent as is (the JSON response schema does not apply).
        if (xml) return reply.type('application/xml; charset=utf-8').send(catalogExportToXml(data) as never);
        return data;
      },
    );

    app.get(
      '/api/catalogs/:catalog/:code',
      {
        schema: {
          tags,
          summary: 'Một mục của danh mục / One catalog item',
          params: ItemParams,
          response: { 200: CatalogItemView },
        },
      },
      async (req) => catalogs.getItem(req.params.catalog, req.params.code),
    );

    app.post(
      '/api/catalogs/:catalog',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Thêm mục vào danh mục (quyền catalogs.manage) / Add an item',
          params: CatalogParam,
          body: CreateItem,
          response: { 201: CatalogItemView },
        },
      },
      async (req, reply) =>
        reply.code(201).send(await catalogs.createItem(req.auth, actorOf(req), req.params.catalog, req.body)),
    );

    app.patch(
      '/api/catalogs/:catalog/:code',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary: 'Sửa mục danh mục (quyền catalogs.manage) / Update an item',
          params: ItemParams,
          body: UpdateItem,
          response: { 200: CatalogItemView },
        },
      },
      async (req) =>
        catalogs.updateItem(req.auth, actorOf(req), req.params.catalog, req.params.code, req.body),
    );

    app.delete(
      '/api/catalogs/:catalog/:code',
      {
        preHandler: csrfGuard,
        schema: {
          tags,
          summary:
            'Ngừng sử dụng mục danh mục, không xóa (quyền catalogs.manage) / Retire an item (kept for old records)',
          params: ItemParams,
          response: { 200: CatalogItemView },
        },
      },
      async (req) => catalogs.deactivateItem(req.auth, actorOf(req), req.params.catalog, req.params.code),
    );
  };
}
