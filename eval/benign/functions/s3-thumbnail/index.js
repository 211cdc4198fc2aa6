// An S3-triggered thumbnailer: reads the uploaded image, resizes it with
// sharp and writes it back under thumbs/.
const { S3Client, GetObjectCommand, PutObjectCommand } = require('@aws-sdk/client-s3');
const sharp = require('sharp');

const s3 = new S3Client({});

exports.handler = async (event) => {
  let done = 0;
  for (const r of (event && event.Records) || []) {
    const Bucket = r.s3.bucket.name;
    const Key = decodeURIComponent(String(r.s3.object.key).replace(/\+/g, ' '));
    if (!/\.(jpe?g|png|webp)$/i.test(Key) || Key.startsWith('thumbs/')) continue;
    try {
      const obj = await s3.send(new GetObjectCommand({ Bucket, Key }));
      const input = Buffer.from(await obj.Body.transformToByteArray());
      const thumb = await sharp(input).resize({ width: 200 }).jpeg({ quality: 80 }).toBuffer();
      await s3.send(new PutObjectCommand({ Bucket, Key: 'thumbs/' + Key, Body: thumb, ContentType: 'image/jpeg' }));
      done++;
    } catch (e) {
      console.error('thumbnail failed', Key, e && e.name);
    }
  }
  return { done };
};
