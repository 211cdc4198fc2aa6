// A small GraphQL endpoint behind API Gateway: graphql-js with lodash and
// dayjs in the resolvers.
const { graphql, buildSchema } = require('graphql');
const _ = require('lodash');
const dayjs = require('dayjs');

const schema = buildSchema(`
  type Book { id: ID!, title: String!, published: String }
  type Query { books(limit: Int): [Book!]!, book(id: ID!): Book }
`);
const books = [
  { id: '1', title: 'The Pragmatic Programmer', published: '1999-10-20' },
  { id: '2', title: 'Designing Data-Intensive Applications', published: '2017-03-16' },
];
const root = {
  books: ({ limit }) => _.take(_.sortBy(books, 'title'), limit || 10).map((b) => ({ ...b, published: dayjs(b.published).format('YYYY') })),
  book: ({ id }) => _.find(books, { id }) || null,
};

exports.handler = async (event) => {
  let body = {};
  try { body = JSON.parse((event && event.body) || '{}'); } catch (_) { return { statusCode: 400, body: '{"error":"bad json"}' }; }
  const result = await graphql({ schema, source: String(body.query || '{ books { id title } }'), rootValue: root, variableValues: body.variables });
  return { statusCode: result.errors ? 400 : 200, body: JSON.stringify(result) };
};
