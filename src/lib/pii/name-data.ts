/**
 * Word lists behind names.ts. Surnames follow the usual frequency rankings (公安部 户籍 statistics);
 * given-name characters are the few hundred that make up most given names; the stop words are
 * everyday words that happen to start with a surname character (高速, 方法, 金额 …), which a
 * surname-plus-one-character rule would otherwise take for names.
 */

/** The hundred most frequent surnames: about 85 % of the population. */
export const TOP_SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤",
);

export const SURNAMES = new Set([
  ...TOP_SURNAMES,
  ..."常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由萧阎郦庹蹇洪赖傅贝钮邴寿鄂蔚",
]);

export const COMPOUND_SURNAMES = new Set(
  "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 独孤 南宫 西门 端木 百里 呼延 万俟 拓跋 申屠 太史 钟离 闻人 东郭 公冶 澹台 宗政 濮阳 淳于 单于 赫连 第五 梁丘 左丘 谷梁 司空 司寇 闾丘 子车 亓官 羊舌 微生 公羊 公良 乐正 漆雕 壤驷 巫马 颛孙 鲜于 哥舒".split(
    " ",
  ),
);

export const GIVEN_NAME_CHARS = new Set(
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红文辉建国志海宇浩博子梓欣怡涵轩晨雨佳嘉思俊鹏宏飞鑫波斌宁丹琳颖倩婷雪慧晶燕凤兰梅琴云亮成林峰龙东旭阳晓春立新光永健乐安德福祥荣贵生发兴盛康泰鸿彬豪凯锋毅坤昊天翔然睿哲瑞晗诗琪瑶萱悦馨欢蕾薇露璐莹妍婉淑娴雅洁清琦璇彤若依一诺沐晴雯蕊菲芸芬莉珍珊茜岚卉蓓婕婧媛嫣姗蓉保力世广义良山仁胜学才武利飞富顺信昌星达岩中茂进有坚和彪诚先敬震振壮会群心邦承绍功松善厚庆民友裕河江亮政谦亨奇之翰朗伯言鸣朋梁栋维启克伦泽辰士以家致树炎行时雄琛钧冠策腾楠榕风航弘宸铭瀚熙烨煜锦逸晟皓泓珂桐骞翊骁驰默懿擎彦炜淼源聪远尧焱巧美惠珠翠芝娥玲彩菊莲真环爱妹香月莺凡琼勤贞娣叶璧娅秋莎黛青姣瑾婵雁仪荷眉君菁梦苑瑗琰韵融艺咏卿澜纯毓昭冰爽琬茗羽希育滢馥筠柔竹凝寒伊亚宜可舒影荔蓝彬楷枫帆涵奕霖沛潇钰琛翔恒晋俊峻崇硕岳川楚铮鹤卓麟霆珏烁灿辉莉莹依桐诚韬语汐沫苡萌妤澄屿煦晞柠栀芊茉宥瑜柚",
);

/** Everyday words that start with a surname character. Not exhaustive; see names.ts. */
export const STOP_WORDS = new Set(
  "高速 高级 高度 高兴 高中 高考 高铁 高新 高端 高效 高温 高峰 方法 方面 方向 方案 方式 方便 方针 白色 白天 白菜 白酒 白领 金额 金融 金属 金牌 黄色 黄金 黄瓜 马上 马路 马车 王国 王朝 周末 周期 周年 周围 周边 程序 程度 任务 任何 任意 万元 万一 万能 于是 余额 余下 常见 常用 常规 常温 向上 向前 石油 石头 石灰 江湖 江山 江河 林业 林地 许多 许可 韩国 曾经 田地 田野 董事 杜绝 叶子 叶片 丁香 陆地 陆续 范围 范例 夏天 夏季 付款 付出 熊猫 段落 雷电 雷达 龙头 史料 陶瓷 黎明 贺卡 顾客 顾问 毛巾 毛衣 毛利 钱包 严格 严重 武器 武术 孔雀 汤圆 温度 温暖 康复 施工 文件 文化 文字 文章 文明 牛奶 牛肉 安全 安装 安排 齐全 庞大 颜色 庄园 章程 申请 申报 欧元 关于 关系 关闭 兰花 焦点 左边 柳树 祝贺 包装 包括 宁静 尚未 符合 舒适 纪律 纪念 梅花 童年 凌晨 毕业 单位 单价 季度 季节 涂料 成本 成功 成绩 谷物 盛大 曲线 骆驼 蓝色 路线 路口 游戏 游泳 辛苦 管理 管道 柴油 华丽 房间 房屋 解决 解释 尤其 阳光 时间 时候 农业 农村 司机 卓越 古代 吉祥 车辆 车间 项目 连接 连续 景色 景点 党员 宫殿 费用 冷水 冷静 卫生 卫星 米饭 宗教 桂花 全部 全面 应该 应用 边境 师傅 和平 商品 商店 沙发 荣誉 仲裁 明天 明白 池塘 查询 麻烦 迟到 官方 封面 谈判 乐观 南方 原因 原来 劳动 皮肤 盘子 满意 位置 海洋 海关 花园 权利 强大 豆腐 练习 廉洁 丰富 支付 支持 国家 国际 平安 平台 计划 计算 宣传 相关 相同 初级 门口 门店 容易 来源 都市 普通 薄荷 羊肉 阿姨 母亲 修改 那里 宿舍 鲜花 印刷 隆重 战争 危险 玉米 银行 公司 公园 公开 公共 利润 利息 富裕 居民 干净 但是 元旦 衣服 信息 信用 展示 智能 幸福 衡量 高山 明星 海军 江南 华南 云南 海南 湖南 河南 山东 金华 司令 司法 国旗 国王 平时 时尚 安宁 文学 温柔 和谐 黄河 长江".split(
    " ",
  ),
);

/** Endings of buildings and organisations longer than one character. */
export const NON_NAME_SUFFIXES = ["中心", "大厦", "集团", "银行"];

/**
 * Last characters of organisation and place names (…公司 ends in 司, …市, …路, …局): a name never
 * ends with one of these in practice. Characters frequent in given names (江, 山, 华, 林) are not here.
 */
export const NON_NAME_ENDINGS = new Set(
  "市区县省镇乡村路街巷局厅部处科所院校站店厂馆场会司社队组室楼号园港岛门厦州湾道",
);
