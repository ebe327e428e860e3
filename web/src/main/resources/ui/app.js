// Renders the public plan list; relative URLs so the page works behind any host or port.
const section = document.getElementById("plans");

function money(price) {
  return (price.amount / 100).toLocaleString(undefined, { style: "currency", currency: price.currency.toUpperCase() });
}

async function showPlans() {
  try {
    const answer = await fetch("billing/plans", { headers: { Accept: "application/json" } });
    if (!answer.ok) {
      section.textContent = "Plans are not available yet.";
      return;
    }
    const { plans } = await answer.json();
    const list = document.createElement("div");
    list.className = "plans";
    for (const plan of plans) {
      const card = document.createElement("article");
      card.className = "plan";
      const title = document.createElement("h2");
      title.textContent = plan.name;
      const price = document.createElement("p");
      price.textContent = `${money(plan.prices.monthly)} / month or ${money(plan.prices.yearly)} / year`;
      const features = document.createElement("ul");
      for (const feature of plan.features) {
        const item = document.createElement("li");
        item.textContent = feature.replaceAll("_", " ");
        features.append(item);
      }
      card.append(title, price, features);
      list.append(card);
    }
    section.replaceChildren(list);
  } catch (e) {
    section.textContent = "Plans could not be loaded.";
  }
}

showPlans();
