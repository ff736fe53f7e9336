using System;
using System.Collections.Generic;

namespace Billing
{
    public class InvoiceService
    {
        private readonly IInvoiceStore _store;

        public InvoiceService(IInvoiceStore store)
        {
            _store = store;
        }

        public Invoice Create(string customerId, IEnumerable<LineItem> items)
        {
            var invoice = new Invoice(customerId);
            foreach (var item in items)
            {
                invoice.Add(item);
            }
            _store.Save(invoice);
            return invoice;
        }

        public void Void(Guid id)
        {
            var invoice = _store.Find(id);
            invoice.Status = InvoiceStatus.Void;
            _store.Save(invoice);
        }
    }
}
