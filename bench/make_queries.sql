-- Search queries as office staff type them, drawn deterministically from the demo members:
-- full names, family and middle name, given name alone, a name still being typed, a family
-- name alone, and whole citizen IDs. One query per line; bench/search.lua URL-encodes them.
WITH sample AS (
  SELECT id, full_name, citizen_id, (id * 7919) % 100 AS bucket,
         substr(full_name, 1, instr(full_name, ' ') - 1) AS family,
         rtrim(full_name, 'aáàảãạăắằẳẵặâấầẩẫậbcdđeéèẻẽẹêếềểễệghiíìỉĩịklmnoóòỏõọôốồổỗộơớờởỡợpqrstuúùủũụưứừửữựvxyýỳỷỹỵAÁÀẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬBCDĐEÉÈẺẼẸÊẾỀỂỄỆGHIÍÌỈĨỊKLMNOÓÒỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢPQRSTUÚÙỦŨỤƯỨỪỬỮỰVXYÝỲỶỸỴ') AS without_given
  FROM members
  WHERE (id * 7919) % 65003 < 4000
)
SELECT CASE
         WHEN bucket < 40 THEN full_name
         WHEN bucket < 50 THEN rtrim(without_given)
         WHEN bucket < 60 THEN substr(full_name, length(without_given) + 1)
         WHEN bucket < 75 THEN substr(full_name, 1, length(full_name) - 2)
         WHEN bucket < 85 THEN family
         ELSE citizen_id
       END
FROM sample
ORDER BY (id * 104729) % 65003;
