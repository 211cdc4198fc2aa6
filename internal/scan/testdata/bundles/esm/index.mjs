import reader from 'env-reader';
export const handler = (event, context, callback) => {
  callback(null, { region: reader() });
};
