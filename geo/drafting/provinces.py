"""Province-level units of China, North Korea and the other hosts of North Korea's workers, for drafting."""

from __future__ import annotations

# Province-level units: GeoNames admin1 code, name, other names, approximate centre, radius in km.
_PROVINCES = """\
CN|01|Anhui||31.8|117.2|250
CN|02|Zhejiang||29.2|120.1|220
CN|03|Jiangxi||27.6|115.7|250
CN|04|Jiangsu||33.0|119.8|230
CN|05|Jilin||43.7|126.2|300
CN|06|Qinghai||35.7|96.0|500
CN|07|Fujian||26.1|118.0|250
CN|08|Heilongjiang||47.9|127.7|450
CN|09|Henan||33.9|113.6|250
CN|10|Hebei||38.9|115.5|300
CN|11|Hunan||27.6|111.7|280
CN|12|Hubei||30.9|112.3|300
CN|13|Xinjiang|Xinjiang Uygur|41.1|85.2|1000
CN|14|Tibet|Xizang|31.7|88.1|800
CN|15|Gansu||36.6|103.8|450
CN|16|Guangxi||23.8|108.8|300
CN|18|Guizhou||26.8|106.8|250
CN|19|Liaoning||41.3|122.6|250
CN|20|Inner Mongolia|Nei Mongol|44.1|113.9|1000
CN|21|Ningxia||37.3|106.2|150
CN|22|Beijing||40.2|116.4|80
CN|23|Shanghai||31.2|121.45|60
CN|24|Shanxi||37.6|112.3|280
CN|25|Shandong||36.3|118.1|250
CN|26|Shaanxi||35.4|108.9|350
CN|28|Tianjin||39.3|117.4|70
CN|29|Yunnan||24.9|101.5|400
CN|30|Guangdong||23.4|113.4|300
CN|31|Hainan||19.2|109.7|120
CN|32|Sichuan||30.6|102.7|450
CN|33|Chongqing||30.0|107.8|200
KP|01|Chagang|Jagang|40.7|126.6|90
KP|03|South Hamgyong|Hamgyong-namdo;South Hamgyeong|40.1|127.6|120
KP|06|South Hwanghae|Hwanghae-namdo|38.2|125.5|80
KP|07|North Hwanghae|Hwanghae-bukto|38.5|126.4|80
KP|09|Kangwon|Gangwon|38.8|127.5|90
KP|11|North Pyongan|Pyongan-bukto|40.1|125.0|90
KP|12|Pyongyang||39.03|125.75|30
KP|13|Ryanggang|Yanggang;Ryanggang-do;Yanggang-do|41.25|128.0|80
KP|14|Nampo||38.8|125.4|20
KP|15|South Pyongan|Pyongan-namdo|39.5|125.9|90
KP|17|North Hamgyong|Hamgyong-bukto;North Hamgyeong|41.8|129.6|120
KP|18|Rason|Rajin-Sonbong|42.3|130.4|30
RU|59|Primorsky Krai|Primorye;Primorsky;Primorskiy Krai;Primorsky Territory;Primorsky Region|45.0|134.6|330
RU|30|Khabarovsk Krai|Khabarovsk Territory;Khabarovsk Region|53.5|136.5|700
RU|05|Amur Oblast|Amur Region;Amur Province|53.5|128.0|450
RU|64|Sakhalin Oblast|Sakhalin;Sakhalin Region;Sakhalin Island|50.0|143.0|500
RU|89|Jewish Autonomous Oblast|Jewish Autonomous Region|48.5|132.5|150
RU|93|Zabaykalsky Krai|Zabaykalsky;Transbaikalia;Chita Oblast;Chita Region|52.0|116.0|500
RU|44|Magadan Oblast|Magadan Region|62.5|153.0|550
RU|92|Kamchatka Krai|Kamchatka|57.0|160.0|600
RU|63|Sakha Republic|Yakutia;Republic of Sakha|66.0|125.0|1200
RU|15|Chukotka|Chukotka Autonomous Okrug|66.0|171.0|700
RU|20|Irkutsk Oblast|Irkutsk Region|56.0|106.0|700
RU|11|Buryatia|Republic of Buryatia|53.0|109.0|450
RU|91|Krasnoyarsk Krai|Krasnoyarsk Territory|63.0|94.0|1200
RU|53|Novosibirsk Oblast|Novosibirsk Region|55.0|79.5|350
RU|75|Tomsk Oblast|Tomsk Region|58.5|82.0|450
RU|47|Moscow Oblast|Moscow Region|55.5|37.5|150
RU|42|Leningrad Oblast|Leningrad Region|60.0|31.5|250"""
"""Russia's regions (GeoNames admin1 codes) are named as Russia names them ("Primorsky Krai", "Amur Oblast"), not
"X Province": Russia is the other large host of North Korea's workers."""

PROVINCES: dict[tuple[str, str], tuple[str, tuple[str, ...], float, float, int]] = {
    (country, code): (name, tuple(a for a in others.split(";") if a), float(lat), float(lon), int(radius))
    for country, code, name, others, lat, lon, radius in (line.split("|") for line in _PROVINCES.splitlines())
}
