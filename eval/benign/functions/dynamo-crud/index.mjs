// A CRUD API on DynamoDB with middy: JSON body parsing, zod validation,
// uuid ids, error handling.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import jsonBodyParser from '@middy/http-json-body-parser';
import httpErrorHandler from '@middy/http-error-handler';
import { z } from 'zod';
import { v4 as uuid } from 'uuid';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const TABLE = process.env.TABLE_NAME || 'items';
const Item = z.object({ name: z.string().min(1).max(100), price: z.number().nonnegative() });

const base = async (event) => {
  if (event.requestContext && event.requestContext.http && event.requestContext.http.method === 'GET') {
    const id = (event.pathParameters && event.pathParameters.id) || '';
    const r = await db.send(new GetCommand({ TableName: TABLE, Key: { id } }));
    return { statusCode: r.Item ? 200 : 404, body: JSON.stringify(r.Item || { error: 'not found' }) };
  }
  const parsed = Item.safeParse(event.body || {});
  if (!parsed.success) return { statusCode: 400, body: JSON.stringify({ error: 'invalid item' }) };
  const item = { id: uuid(), ...parsed.data };
  await db.send(new PutCommand({ TableName: TABLE, Item: item }));
  return { statusCode: 201, body: JSON.stringify(item) };
};

export const handler = middy(base).use(jsonBodyParser({ disableContentTypeError: true })).use(httpErrorHandler());
