import { scoreInteraction } from "./qa/index.js";
const ZH = {
  agent: [
    "\u60A8\u597D\uFF0C\u5F88\u9AD8\u5174\u4E3A\u60A8\u670D\u52A1\uFF0C\u8BF7\u95EE\u6709\u4EC0\u4E48\u53EF\u4EE5\u5E2E\u60A8\uFF1F",
    "\u738B\u5148\u751F\uFF0C\u8BF7\u60A8\u63D0\u4F9B\u4E00\u4E0B\u8BA2\u5355\u53F7",
    "\u597D\u7684\uFF0C\u8BF7\u7A0D\u7B49\uFF0C\u6211\u5E2E\u60A8\u67E5\u4E00\u4E0B",
    "\u5F88\u62B1\u6B49\u7ED9\u60A8\u5E26\u6765\u4E0D\u4FBF\uFF0C\u6211\u4EEC\u4F1A\u5C3D\u5FEB\u5904\u7406",
    "\u738B\u5148\u751F\uFF0C\u60A8\u53EF\u4EE5\u5148\u91CD\u542F\u7535\u8111\u8BD5\u8BD5",
    "\u8FD9\u4E2A\u9700\u8981\u5BC4\u4FEE\uFF0C\u6211\u5E2E\u60A8\u767B\u8BB0\u4E00\u4E0B",
    "\u611F\u8C22\u60A8\u7684\u6765\u7535\uFF0C\u795D\u60A8\u751F\u6D3B\u6109\u5FEB",
    "\u8FD9\u4E0D\u5F52\u6211\u4EEC\u7BA1\uFF0C\u4F60\u81EA\u5DF1\u53BB\u95EE\u5382\u5BB6"
  ],
  customer: [
    "\u4F60\u597D\uFF0C\u6211\u7684ThinkPad X1 Carbon Gen 11\u4E00\u76F4\u84DD\u5C4F\uFF0C\u9519\u8BEF\u4EE3\u78010x0000007B",
    "\u8BA2\u5355\u53F7 A20240517001\uFF0C\u624B\u673A13812345678",
    "\u597D\u7684\uFF0C\u8C22\u8C22",
    "\u8FD8\u662F\u4E0D\u884C\uFF0C\u592A\u79BB\u8C31\u4E86\uFF0C\u6211\u5DF2\u7ECF\u6253\u4E86\u4E09\u6B21\u4E86",
    "\u62EF\u6551\u8005Y9000P\u5F00\u4E0D\u4E86\u673A",
    "\u55EF\uFF0C\u660E\u767D\u4E86\uFF0C\u8F9B\u82E6\u4E86",
    "\u7B49\u4E86\u8FD9\u4E48\u4E45\uFF0C\u670D\u52A1\u592A\u5DEE\u4E86"
  ]
};
const EN = {
  agent: [
    "Hello, thank you for contacting us. How can I help you today?",
    "Sure Mr Wang, may I have your order number please?",
    "Thanks, let me check that for you.",
    "I'm sorry for the trouble, I will process a refund right away.",
    "You should have received an email with the label.",
    "That's not our department, you need to call them yourself.",
    "Is there anything else I can help with? Have a great day!"
  ],
  customer: [
    "Hi, my Lenovo Legion Y9000P shows INACCESSIBLE_BOOT_DEVICE after the update",
    "Order ID: 3348917502, email wang@example.com",
    "This is ridiculous, I have been waiting for an hour.",
    "Thank you so much!",
    "ok",
    "It still does not work and I am fed up."
  ]
};
function interaction(i) {
  const lang = i % 2 ? EN : ZH;
  const n = 12 + i % 9;
  const turns = Array.from({ length: n }, (_, t2) => {
    const role = t2 % 2 ? "customer" : "agent";
    const pool = lang[role];
    return { role, text: pool[(i * 7 + t2 * 3) % pool.length], ts: t2 * 15e3 };
  });
  return { interaction_id: `bench-${i}`, channel: "webchat", customer_name: i % 2 ? "Wei Wang" : "\u738B\u4F1F", turns };
}
const data = Array.from({ length: 8e3 }, (_, i) => interaction(i));
for (const x of data.slice(0, 2e3)) scoreInteraction(x);
const t = performance.now(); const c0 = process.cpuUsage();
for (const x of data) scoreInteraction(x);
const cpu = process.cpuUsage(c0); console.log("single", (data.length / ((performance.now() - t) / 1000)).toFixed(0), "/s wall;", (data.length / ((cpu.user + cpu.system) / 1e6)).toFixed(0), "/cpu-s");
