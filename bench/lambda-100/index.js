const { S3Client } = require('@aws-sdk/client-s3');
const axios = require('axios');
const _ = require('lodash');
exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(_.keys(event)) });
